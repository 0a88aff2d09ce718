#!/usr/bin/env python3
"""Runs LipBaB.py (pyrobits/LipBaB, unmodified on disk) on a given network, box, norm and time limit.

LipBaB is a single script with its network, input box and norm written into it. This driver reads the
script, replaces exactly those lines (each must match once, so a changed upstream script fails loudly
instead of running the wrong problem), enables the script's own commented-out time limit, and runs it.
After the script's own output it prints one line, "LIPBAB_RESULT {json}", read by the benchmark.

  run_lipbab.py --lipbab DIR --network NET.json --norm 1|2|inf --lower A --upper B --time-limit S
  run_lipbab.py --compare WEIGHTS.npy BIASES.npy NET.json      (max |difference| of the parameters)

NET.json: {"weights": [W_1, ..., W_L], "biases": [b_1, ..., b_L]}, W_l of shape dim(l) x dim(l-1)
(LipBaB's internal orientation; its .npy files hold the transposes, as scikit-learn's coefs_).
"""
import argparse
import json
import os
import re
import sys


def replace_once(source, pattern, replacement, what):
    new, count = re.subn(pattern, lambda _: replacement, source, flags=re.MULTILINE)
    if count != 1:
        sys.exit(f"run_lipbab.py: expected one {what} line in LipBaB.py, found {count}; has the script changed?")
    return new


def lipbab_source(lipbab_dir, network_path, norm, lower, upper, time_limit):
    with open(os.path.join(lipbab_dir, "LipBaB.py"), encoding="utf-8") as f:
        source = f.read()
    # The script transposes what it loads (scikit-learn orientation), so it is given the transposes.
    source = replace_once(source, r"^wts=np\.load\(.*\)$",
                          f"wts=[np.array(w).T for w in json.load(open({network_path!r}))['weights']]", "weights np.load")
    source = replace_once(source, r"^bs=np\.load\(.*\)$",
                          f"bs=[np.array(b) for b in json.load(open({network_path!r}))['biases']]", "biases np.load")
    # The commented-out random-network block repeats the box line; the comment above the real one picks it.
    source = replace_once(source, r"^#bounds of the input region *\nbnds=\[\[0\.,0\.1\] for i in range\(ls\[0\]\)\]$",
                          f"bnds=[[{lower!r},{upper!r}] for i in range(ls[0])]", "input box")
    source = replace_once(source, r"^pnorm=2 .*$", f"pnorm={'np.inf' if norm == 'inf' else norm}", "norm")
    source = replace_once(source, r"^    #if \(time\.time\(\) - start_time\)>=300: .*\n        #break$",
                          f"    if (time.time() - start_time)>={time_limit!r}:\n        break", "time limit")
    return "import json\n" + source


def run(args):
    namespace = {"__name__": "__main__"}
    exec(compile(lipbab_source(args.lipbab, os.path.abspath(args.network), args.norm, args.lower, args.upper,
                               args.time_limit), "LipBaB.py", "exec"), namespace)
    tp, glb, pq, af = namespace["tp"], namespace["glb"], namespace["pq"], namespace["af"]
    # The loop ends either with the best open bound at most af * (best exact sub-problem), or on the time
    # limit; then the constant lies between glb and the largest bound still open (or the node just popped).
    finished = tp.Lub <= af * glb or pq.empty()
    still_open = [-entry[0] for entry in pq.queue]
    upper = tp.Lub if finished else max([tp.Lub, glb] + still_open)
    print("LIPBAB_RESULT " + json.dumps({
        "value": float(tp.Lub), "lower": float(glb), "upper": float(upper), "finished": bool(finished),
        "seconds": float(namespace["execution_time"]), "subproblems": int(namespace["pcnt"]),
    }))


def compare(weights_npy, biases_npy, network_path):
    import numpy as np
    with open(network_path, encoding="utf-8") as f:
        network = json.load(f)
    theirs_w = np.load(weights_npy, allow_pickle=True)
    theirs_b = np.load(biases_npy, allow_pickle=True)
    if [np.shape(w) for w in theirs_w] != [np.shape(np.array(w).T) for w in network["weights"]]:
        print("LIPBAB_COMPARE " + json.dumps({"same_shapes": False}))
        return
    diff = max(max(np.max(np.abs(np.array(t) - np.array(o).T)) for t, o in zip(theirs_w, network["weights"])),
               max(np.max(np.abs(np.array(t) - np.array(o))) for t, o in zip(theirs_b, network["biases"])))
    print("LIPBAB_COMPARE " + json.dumps({"same_shapes": True, "max_abs_difference": float(diff)}))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--compare":
        if len(sys.argv) != 5:
            sys.exit("usage: run_lipbab.py --compare WEIGHTS.npy BIASES.npy NET.json")
        compare(*sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description="Run LipBaB.py on a given network, box, norm and time limit.")
    parser.add_argument("--lipbab", required=True, help="directory holding LipBaB.py")
    parser.add_argument("--network", required=True, help="network as JSON (see the module docstring)")
    parser.add_argument("--norm", required=True, choices=["1", "2", "inf"], help="p = q")
    parser.add_argument("--lower", required=True, type=float, help="lower end of every input's interval")
    parser.add_argument("--upper", required=True, type=float, help="upper end of every input's interval")
    parser.add_argument("--time-limit", required=True, type=float, help="seconds, checked by LipBaB between sub-problems")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
