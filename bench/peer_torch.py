#!/usr/bin/env python3
"""The PyTorch peer for the training figures: the seed's CNN (three 3x3 convolutions of 32, 64, 64
filters, each with ReLU and 2x2 max-pooling, a dense layer of 64 with ReLU, 10 logits), Adam at
0.001, softmax cross-entropy, on MNIST-shaped random data (throughput only), N threads.

Usage: peer_torch.py BATCH THREADS SAMPLES  -> prints "peer batch=B threads=T samplesPerSecond=S"
"""
import sys
import time

import torch
from torch import nn

batch, threads, samples = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(1)
net = nn.Sequential(
    nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(64, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
images = torch.rand(2048, 1, 28, 28)
labels = torch.randint(0, 10, (2048,))


def step(i):
    start = (i * batch) % (2048 - batch)
    x, y = images[start:start + batch], labels[start:start + batch]
    optimizer.zero_grad()
    loss = loss_fn(net(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()  # read every batch, as DeepDash's loop does


for i in range(10):
    step(i)
batches = max(1, samples // batch)
begin = time.perf_counter()
for i in range(batches):
    step(i)
seconds = time.perf_counter() - begin
print(f"peer batch={batch} threads={threads} samplesPerSecond={batches * batch / seconds:.0f}")
