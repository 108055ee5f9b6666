"""PyTorch side-by-side for the epoch suite: the network a PyTorch user would write, trained on the benchmark's own tensors.

Usage: torch_epoch.py NETWORK FOLDER THREADS EPOCHS BATCH EVAL_BATCH
  NETWORK  embedding-rnn: Embedding(V,16) -> nn.RNN(8) -> Linear, RMSprop(1e-3)
           bilstm: Embedding(V,64) -> Dropout(0.5) -> bidirectional nn.LSTM(32) -> max over time -> Linear, Adam(1e-3), clip 5
           bilstm-full: Embedding(V,100) -> Dropout(0.5) -> bidirectional nn.LSTM(32) -> max and mean over time -> Linear, Adam(1e-3), clip 5
  FOLDER   holds train_ids.bin / val_ids.bin (int64 [rows, length]), train_labels.bin / val_labels.bin (float32) and shape.json
Prints one JSON line: {"threads", "epoch_seconds": [...], "val_accuracy"}; each epoch's seconds include the validation pass.
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn


class EmbeddingRnn(nn.Module):
    def __init__(self, vocabulary):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, 16)
        self.rnn = nn.RNN(16, 8, batch_first=True)
        self.dense = nn.Linear(8, 1)

    def forward(self, ids):
        _, last = self.rnn(self.embedding(ids))
        return self.dense(last[0]).squeeze(-1)


class BiLstm(nn.Module):
    def __init__(self, vocabulary, embedding=64, with_mean=False):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding)
        self.dropout = nn.Dropout(0.5)
        self.lstm = nn.LSTM(embedding, 32, batch_first=True, bidirectional=True)
        self.with_mean = with_mean
        self.dense = nn.Linear(128 if with_mean else 64, 1)

    def forward(self, ids):
        sequence, _ = self.lstm(self.dropout(self.embedding(ids)))
        pooled = torch.cat([sequence.amax(1), sequence.mean(1)], 1) if self.with_mean else sequence.amax(1)
        return self.dense(pooled).squeeze(-1)


def load(folder, split, length):
    ids = torch.from_numpy(np.fromfile(f"{folder}/{split}_ids.bin", dtype=np.int64).reshape(-1, length))
    labels = torch.from_numpy(np.fromfile(f"{folder}/{split}_labels.bin", dtype=np.float32))
    return ids, labels


def main():
    network_name, folder, threads, epochs, batch, eval_batch = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    with open(f"{folder}/shape.json") as shape_file:
        shape = json.load(shape_file)
    train_ids, train_labels = load(folder, "train", shape["length"])
    val_ids, val_labels = load(folder, "val", shape["length"])
    if network_name in ("bilstm", "bilstm-full"):
        full = network_name == "bilstm-full"
        network = BiLstm(shape["vocabulary"], embedding=100 if full else 64, with_mean=full)
        optimizer, clip = torch.optim.Adam(network.parameters(), lr=1e-3), 5.0
    else:
        network = EmbeddingRnn(shape["vocabulary"])
        optimizer, clip = torch.optim.RMSprop(network.parameters(), lr=1e-3), None
    loss_function = nn.BCEWithLogitsLoss()
    seconds, accuracy = [], 0.0
    for _ in range(epochs):
        start = time.perf_counter()
        network.train()
        order = torch.randperm(len(train_labels))
        for first in range(0, len(order), batch):
            rows = order[first:first + batch]
            loss = loss_function(network(train_ids[rows]), train_labels[rows])
            optimizer.zero_grad()
            loss.backward()
            if clip:
                nn.utils.clip_grad_norm_(network.parameters(), clip)
            optimizer.step()
        network.eval()
        correct = 0
        with torch.no_grad():
            for first in range(0, len(val_labels), eval_batch):
                logits = network(val_ids[first:first + eval_batch])
                correct += ((logits > 0).float() == val_labels[first:first + eval_batch]).sum().item()
        accuracy = correct / len(val_labels)
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"threads": torch.get_num_threads(), "epoch_seconds": seconds, "val_accuracy": accuracy}))


if __name__ == "__main__":
    main()
