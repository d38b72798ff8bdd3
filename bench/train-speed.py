"""PyTorch twin of bench/train-speed.ts: the same nets, loss, optimizer and batch, on the CPU.

Run by train-speed.ts (one JSON line per net on stdout); by hand:
  /usr/bin/python3 bench/train-speed.py --nets test,branch --steps 12 --threads 2
A reference for speed only (Debian's python3-torch); never a Flukeprint dependency.
"""
import argparse
import ctypes
import json
import os
import time


def tune_malloc():
    """As in ../shared/reference/seed_reference.py: glibc hands big freed blocks back to the OS,
    so each step page-faults its activations in again (about 2x slower steps). Keep them."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 32 << 20)  # M_MMAP_THRESHOLD: fixed at its 32 MiB maximum
        libc.mallopt(-1, 2**31 - 1)  # M_TRIM_THRESHOLD: never trim the heap
        libc.mallopt(-2, 1 << 30)  # M_TOP_PAD: grow the heap in big steps
    except (OSError, AttributeError):
        pass


if os.environ.get("SEED_REF_DEFAULT_MALLOC") != "1":
    tune_malloc()

import torch  # noqa: E402  (after the allocator is tuned)
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

BATCH = 32


def conv_bn(cin, cout, k, stride=1, relu=True, zero_gamma=False):
    # TF 'same' padding for odd kernels; eps and momentum as in Flukeprint's BatchNorm.
    bn = nn.BatchNorm2d(cout, eps=1e-3, momentum=0.01)
    if zero_gamma:
        nn.init.zeros_(bn.weight)
    layers = [nn.Conv2d(cin, cout, k, stride, k // 2, bias=False), bn]
    return nn.Sequential(*layers, nn.ReLU()) if relu else nn.Sequential(*layers)


class Stage(nn.Module):
    """The test net's residual stage: two 3x3 convolutions beside a 1x1 projection."""

    def __init__(self, cin, cout):
        super().__init__()
        self.main = nn.Sequential(conv_bn(cin, cout, 3), conv_bn(cout, cout, 3, relu=False))
        self.skip = conv_bn(cin, cout, 1, relu=False)

    def forward(self, x):
        return F.relu(self.main(x) + self.skip(x))


def test_net():
    return nn.Sequential(
        conv_bn(1, 16, 3, 2), nn.MaxPool2d(2),
        Stage(16, 32), nn.MaxPool2d(2),
        Stage(32, 64), nn.MaxPool2d(2),
        Stage(64, 128), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, 64),
    )


class Bottleneck(nn.Module):
    def __init__(self, features, inner):
        super().__init__()
        self.body = nn.Sequential(
            conv_bn(features, inner, 1), conv_bn(inner, inner, 3),
            conv_bn(inner, features, 1, relu=False, zero_gamma=True),
        )

    def forward(self, x):
        return F.relu(x + self.body(x))


class Branch(nn.Module):
    """src/main/engine/model/branch-model.ts, CPU_BRANCH by default."""

    def __init__(self, size=96, channels=1, width=16, blocks=3, sub_blocks=2, embedding=128):
        super().__init__()
        layers = [conv_bn(channels, width, 7 if size >= 256 else 5, 2),
                  nn.MaxPool2d(2, ceil_mode=True), conv_bn(width, width, 3), conv_bn(width, width, 3)]
        features = width
        for block in range(blocks):
            raised = 2 * width * (block + 1)
            layers += [nn.MaxPool2d(2, ceil_mode=True), conv_bn(features, raised, 1)]
            layers += [Bottleneck(raised, max(width, raised // 4)) for _ in range(sub_blocks)]
            features = raised
        self.body = nn.Sequential(*layers)
        self.dense = nn.Linear(features, embedding, bias=False)
        self.neck = nn.BatchNorm1d(embedding, eps=1e-3, momentum=0.01)

    def forward(self, x):
        x = torch.amax(self.body(x), dim=(2, 3))
        return F.normalize(self.neck(self.dense(x)), dim=1)


def batch_hard_loss(embeddings, labels):
    e = F.normalize(embeddings, dim=1)
    d = torch.sqrt(torch.relu(2 - 2 * e @ e.t()) + 1e-12)
    same = (labels[:, None] == labels[None, :]).float()
    hardest_positive = (d * same).max(dim=1).values
    hardest_negative = (d + 4 * same).min(dim=1).values
    return F.softplus(hardest_positive - hardest_negative).mean()


def bench(name, steps, threads):
    torch.manual_seed(1)
    net = test_net() if name == "test" else Branch()
    optimizer = torch.optim.Adam(net.parameters(), 1e-3)
    x = torch.randn(BATCH, 1, 96, 96)
    labels = torch.arange(BATCH)[torch.randperm(BATCH)] % 8

    def step():
        optimizer.zero_grad()
        loss = batch_hard_loss(net(x), labels)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(2):
        step()
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    net.eval()
    rounds = max(3, round(steps / 2))
    with torch.no_grad():
        net(x)
        start = time.perf_counter()
        for _ in range(rounds):
            net(x)
        images_per_second = rounds * BATCH / (time.perf_counter() - start)
    # Like tfjs' countParams: weights plus BatchNorm running statistics.
    params = sum(p.numel() for p in net.parameters())
    params += sum(b.numel() for b in net.buffers() if b.is_floating_point())
    times.sort()
    return {
        "net": name, "engine": f"PyTorch {torch.__version__.split('a')[0]} ({threads} thread{'s' if threads > 1 else ''})",
        "params": params, "msMedian": times[len(times) // 2], "msMin": times[0],
        "imagesPerSecond": images_per_second,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nets", default="test,branch")
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    for name in args.nets.split(","):
        print(json.dumps(bench(name, args.steps, args.threads)), flush=True)


if __name__ == "__main__":
    main()
