"""What the fuzz scripts share: their arguments, one storeops run, and how a difference is reported."""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def args(default_out):
    """N [SEED] [OUTDIR] from the command line."""
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    out = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, default_out)
    os.makedirs(out, exist_ok=True)
    return n, seed, out


def compensate(files, as_of, tz, out, cwd, extra=()):
    """storeops compensate FILES --as-of AS_OF -f json [EXTRA…] under TZ, with its own config/data folders.
    Returns (the process, its voucher rows or None when stdout is not JSON)."""
    env = dict(os.environ, TZ=tz, XDG_DATA_HOME=os.path.join(out, 'xdg'), XDG_CONFIG_HOME=os.path.join(out, 'xdg'))
    env.pop('STOREOPS_CONFIG', None)
    p = subprocess.run(['node', os.environ.get('STOREOPS_BIN', os.path.join(ROOT, 'bin/storeops.js')), 'compensate', *files, '--as-of', as_of, '-f', 'json', *extra],
                       capture_output=True, text=True, env=env, cwd=cwd)
    try:
        return p, json.loads(p.stdout)
    except json.JSONDecodeError:
        print(f'CASE {cwd}: rc={p.returncode} {p.stderr[:400]}')
        return p, None


def report(d, tz, as_of, a, b, stderr):
    """Prints what only storeops and only the oracle gave, and keeps them in d/diff.json."""
    print(f'CASE {d} tz={tz} asOf={as_of}')
    for x in sorted(set(a) - set(b)):
        print('  storeops only:', x)
    for x in sorted(set(b) - set(a)):
        print('  oracle only:  ', x)
    with open(os.path.join(d, 'diff.json'), 'w') as fh:
        json.dump({'asOf': as_of, 'tz': tz, 'storeops': a, 'oracle': b, 'stderr': stderr}, fh, ensure_ascii=False, indent=1, default=str)
