"""Time the textbook numpy gradient-descent loop on rows exported by `compare --export`."""

import argparse
import statistics
import time

import numpy as np


def load(path):
    """Return features, targets and feature names from an exported CSV (target last)."""
    with open(path, encoding="utf-8") as f:
        names = f.readline().rstrip("\n").split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    return data[:, :-1], data[:, -1], names[:-1]


def train(x, y, learning_rate, iterations):
    """Run full-batch gradient descent from zero and return weights, bias and seconds."""
    n, d = x.shape
    w = np.zeros(d)
    b = 0.0
    start = time.perf_counter()
    for _ in range(iterations):
        error = x @ w + b - y
        dw = (2.0 / n) * (x.T @ error)
        db = (2.0 / n) * error.sum()
        w -= learning_rate * dw
        b -= learning_rate * db
    return w, b, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv", help="a *_train.csv file written by compare --export")
    parser.add_argument("--learning-rate", type=float, default=0.001)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs; the median is printed")
    args = parser.parse_args()

    x, y, names = load(args.csv)
    runs = [train(x, y, args.learning_rate, args.iterations) for _ in range(args.repeats)]
    micros = statistics.median(seconds for _, _, seconds in runs) * 1e6 / args.iterations
    w, b, _ = runs[-1]
    print(f"numpy {np.__version__}, {x.shape[0]} x {x.shape[1]}, float64: {micros:.2f} µs per iteration")
    for name, value in zip(names, w):
        print(f"  {name:<16} {value: .6f}")
    print(f"  {'(bias)':<16} {b: .6f}")


if __name__ == "__main__":
    main()
