"""Time PyTorch's nn.Linear + MSELoss + SGD on rows exported by `compare --export`."""

import argparse
import statistics
import time

import numpy as np
import torch


def load(path):
    """Return features, targets and feature names from an exported CSV (target last)."""
    with open(path, encoding="utf-8") as f:
        names = f.readline().rstrip("\n").split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    return data[:, :-1], data[:, -1], names[:-1]


def train(x, y, learning_rate, iterations):
    """Train a zero-initialised nn.Linear by full-batch SGD; return the model and seconds."""
    model = torch.nn.Linear(x.shape[1], 1, dtype=x.dtype)
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    loss_function = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    start = time.perf_counter()
    for _ in range(iterations):
        optimizer.zero_grad()
        loss = loss_function(model(x), y)
        loss.backward()
        optimizer.step()
    return model, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("csv", help="a *_train.csv file written by compare --export")
    parser.add_argument("--learning-rate", type=float, default=0.001)
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs; the median is printed")
    args = parser.parse_args()

    features, targets, names = load(args.csv)
    for dtype in (torch.float64, torch.float32):
        x = torch.tensor(features, dtype=dtype)
        # The target must be [n, 1] like the prediction, or MSELoss broadcasts to [n, n].
        y = torch.tensor(targets, dtype=dtype).reshape(-1, 1)
        runs = [train(x, y, args.learning_rate, args.iterations) for _ in range(args.repeats)]
        micros = statistics.median(seconds for _, seconds in runs) * 1e6 / args.iterations
        model, _ = runs[-1]
        print(
            f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
            f"{x.shape[0]} x {x.shape[1]}, {dtype}: {micros:.2f} µs per iteration"
        )
        for name, value in zip(names, model.weight.detach().reshape(-1).tolist()):
            print(f"  {name:<16} {value: .6f}")
        print(f"  {'(bias)':<16} {model.bias.item(): .6f}")


if __name__ == "__main__":
    main()
