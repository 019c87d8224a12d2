import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import oracle
cols = ['订单编号', '买家会员名', '买家应付邮费', '买家实际支付金额', '订单状态', '订单付款时间', '宝贝标题', '预售订单', '延迟发货自动赔付金额', '发货时间']
rows = oracle.load(sys.argv[1])
if len(sys.argv) > 2:
    rows = [r for r in rows if r['买家会员名'] in sys.argv[2:]]
for r in sorted(rows, key=lambda r: (r['买家会员名'], r['订单付款时间'])):
    print(' | '.join(r[c] for c in cols))
