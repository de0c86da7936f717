#!/usr/bin/env python3
"""Fine-tunes all-MiniLM-L6-v2 on the labelled NHS comments with low-rank adapters (LoRA), for ./qv train.

./qv train --model embedding writes the comments (their WordPiece ids, from the same tokenizer the app uses), their
labels and their cross-validation folds, runs this script, and reads back one adapter per fold and one fitted on every
comment. An adapter is a pair of small matrices (A: in x rank, B: rank x out) for each of the encoder's 36 weight
matrices; the app adds scale * A @ B to the model's own weights when it loads the model (EncoderAdapter), so the
90 MB model is never copied or committed, only the adapter (about 1.3 MB).

The encoder is trained, with a linear head for the sub-categories and one for sentiment (both dropped afterwards), to
make its mean-pooled, unit-length embedding carry what the labels need; the heads the app uses are fitted afterwards
in C# on those embeddings. Why PyTorch rather than TorchSharp, and why here: docs/adr/0023-fine-tuned-encoder.md.

Needs Debian's python3-torch, python3-onnx and python3-numpy (and libopenblas0-pthread, or it runs ten times slower).
"""

import argparse
import gzip
import os
import struct
import sys
import time

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper
from torch import nn

HIDDEN = 384
HEADS = 12
LAYERS = 6
# The ONNX export names the encoder's weight matrices by number: layer l's query is 927 + 13 * l, and the others follow
# at these offsets (the biases and layer norms keep their PyTorch names, and are not adapted).
FIRST_MATRIX = 927
MATRICES_PER_LAYER = 13
OFFSETS = {"query": 0, "key": 1, "value": 4, "attention_output": 10, "intermediate": 11, "output": 12}
BIASES = {
    "query": "attention.self.query.bias",
    "key": "attention.self.key.bias",
    "value": "attention.self.value.bias",
    "attention_output": "attention.output.dense.bias",
    "intermediate": "intermediate.dense.bias",
    "output": "output.dense.bias",
}


class Adapted(nn.Module):
    """x @ W + b, with W frozen and the low-rank correction scale * A @ B learnt."""

    def __init__(self, name, weight, bias, rank, alpha):
        super().__init__()
        self.name = name
        self.weight = nn.Parameter(torch.tensor(weight), requires_grad=False)
        self.bias = nn.Parameter(torch.tensor(bias), requires_grad=False)
        self.scale = alpha / rank
        self.a = nn.Parameter(torch.randn(weight.shape[0], rank) * 0.01)
        self.b = nn.Parameter(torch.zeros(rank, weight.shape[1]))

    def forward(self, x):
        return x @ self.weight + self.bias + (x @ self.a) @ self.b * self.scale


class Encoder(nn.Module):
    """all-MiniLM-L6-v2 (BERT, 6 layers), read from the ONNX file's initializers, with mean pooling to unit length."""

    def __init__(self, onnx_path, rank, alpha):
        super().__init__()
        weights = {t.name: numpy_helper.to_array(t) for t in onnx.load(onnx_path).graph.initializer}

        def frozen(name):
            return nn.Parameter(torch.tensor(weights[name]), requires_grad=False)

        self.words = frozen("embeddings.word_embeddings.weight")
        self.positions = frozen("embeddings.position_embeddings.weight")
        self.types = frozen("embeddings.token_type_embeddings.weight")
        self.norm_weight = frozen("embeddings.LayerNorm.weight")
        self.norm_bias = frozen("embeddings.LayerNorm.bias")
        self.layers = nn.ModuleList()
        for layer in range(LAYERS):
            prefix = f"encoder.layer.{layer}."
            block = nn.Module()
            for part, offset in OFFSETS.items():
                name = str(FIRST_MATRIX + MATRICES_PER_LAYER * layer + offset)
                setattr(block, part, Adapted(name, weights[name], weights[prefix + BIASES[part]], rank, alpha))
            block.norm1_weight = frozen(prefix + "attention.output.LayerNorm.weight")
            block.norm1_bias = frozen(prefix + "attention.output.LayerNorm.bias")
            block.norm2_weight = frozen(prefix + "output.LayerNorm.weight")
            block.norm2_bias = frozen(prefix + "output.LayerNorm.bias")
            self.layers.append(block)

    def adapted(self):
        return [getattr(block, part) for block in self.layers for part in OFFSETS]

    def forward(self, ids, mask):
        batch, length = ids.shape
        x = self.words[ids] + self.positions[:length][None] + self.types[0][None, None]
        x = F.layer_norm(x, (HIDDEN,), self.norm_weight, self.norm_bias, 1e-12)
        masked = (1.0 - mask[:, None, None, :].float()) * -1e4
        width = HIDDEN // HEADS
        for block in self.layers:
            def heads(t):
                return t.view(batch, length, HEADS, width).transpose(1, 2)

            q, k, v = heads(block.query(x)), heads(block.key(x)), heads(block.value(x))
            attention = torch.softmax(q @ k.transpose(-1, -2) / np.sqrt(width) + masked, -1)
            context = (attention @ v).transpose(1, 2).reshape(batch, length, HIDDEN)
            x = F.layer_norm(x + block.attention_output(context), (HIDDEN,), block.norm1_weight, block.norm1_bias, 1e-12)
            x = F.layer_norm(x + block.output(F.gelu(block.intermediate(x))), (HIDDEN,), block.norm2_weight, block.norm2_bias, 1e-12)
        m = mask[:, :, None].float()
        return F.normalize((x * m).sum(1) / m.sum(1), dim=-1)


def read_comments(path):
    """fold, question, sentiment (-1 unknown), labels (a string of 0 and 1), WordPiece ids: one comment a line."""
    comments = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            fold, question, sentiment, labels, ids = line.rstrip("\n").split("\t")
            comments.append((int(fold), int(question), int(sentiment), [c == "1" for c in labels], [int(t) for t in ids.split()]))
    return comments


def batches(ids, rows, size, rng=None):
    """Rows in batches of similar length (little padding); shuffled batch order when training."""
    rows = sorted(rows, key=lambda i: len(ids[i]))
    chunks = [rows[k:k + size] for k in range(0, len(rows), size)]
    if rng is not None:
        rng.shuffle(chunks)
    for chunk in chunks:
        width = max(len(ids[i]) for i in chunk)
        tokens = np.zeros((len(chunk), width), dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        for r, i in enumerate(chunk):
            tokens[r, :len(ids[i])] = ids[i]
            mask[r, :len(ids[i])] = 1
        yield chunk, torch.tensor(tokens), torch.tensor(mask)


def fine_tune(onnx_path, comments, rows, args, log):
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    ids = [c[4] for c in comments]
    labels = torch.tensor(np.array([c[3] for c in comments], dtype=np.float32))
    sentiment = torch.tensor([c[2] for c in comments])
    questions = 1 + max(c[1] for c in comments)
    question = torch.tensor(np.eye(questions, dtype=np.float32)[[c[1] for c in comments]])
    encoder = Encoder(onnx_path, args.rank, args.alpha)
    themes = nn.Linear(HIDDEN + questions, labels.shape[1])
    feelings = nn.Linear(HIDDEN + questions, 3)
    dropout = nn.Dropout(0.1)
    trained = [p for p in encoder.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(
        [{"params": trained, "lr": args.learning_rate}, {"params": list(themes.parameters()) + list(feelings.parameters()), "lr": 1e-2}],
        weight_decay=0.01)
    steps = args.epochs * ((len(rows) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda k: min(1.0, (k + 1) / 50) * max(0.0, 1 - k / steps))
    started = time.time()
    for epoch in range(args.epochs):
        encoder.train()
        total = 0.0
        for chunk, tokens, mask in batches(ids, rows, args.batch, rng):
            read = torch.cat([dropout(encoder(tokens, mask) * 10), question[chunk]], 1)
            loss = F.binary_cross_entropy_with_logits(themes(read), labels[chunk]) * 10 \
                + F.cross_entropy(feelings(read), sentiment[chunk], ignore_index=-1)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item()
        log(f"epoch {epoch + 1} of {args.epochs}: loss {total:.1f} ({time.time() - started:.0f} s)")
    return encoder.eval()


def write_adapter(path, encoder, model_length, checks):
    """The adapter, little-endian and gzipped, as EncoderAdapter reads it; with the embeddings of a few comments, as a check."""
    with gzip.GzipFile(path, "wb", mtime=0) as out:
        out.write(b"QVEA")
        out.write(struct.pack("<iq", 1, model_length))
        adapted = encoder.adapted()
        out.write(struct.pack("<i", len(adapted)))
        for layer in adapted:
            name = layer.name.encode("utf-8")
            a = layer.a.detach().numpy().astype("<f4")
            b = layer.b.detach().numpy().astype("<f4")
            out.write(struct.pack("<i", len(name)) + name)
            out.write(struct.pack("<iiif", a.shape[0], b.shape[1], a.shape[1], layer.scale))
            out.write(a.tobytes())
            out.write(b.tobytes())
        with torch.no_grad():
            out.write(struct.pack("<i", len(checks)))
            for ids in checks:
                tokens = torch.tensor([ids])
                embedding = encoder(tokens, torch.ones_like(tokens))[0].numpy().astype("<f4")
                out.write(struct.pack("<i", len(ids)) + np.array(ids, dtype="<i4").tobytes())
                out.write(embedding.tobytes())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="all-MiniLM-L6-v2 as ONNX")
    parser.add_argument("--comments", required=True, help="the comments, as ./qv train writes them")
    parser.add_argument("--output", required=True, help="a folder for adapter-fold-N.qvea and adapter.qvea")
    parser.add_argument("--folds", type=int, required=True)
    parser.add_argument("--only", choices=["folds", "final", "all"], default="all")
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--alpha", type=float, default=16.0)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    def log(message):
        print(f"fine-tune: {message}", file=sys.stderr, flush=True)

    comments = read_comments(args.comments)
    model_length = os.path.getsize(args.model)
    checks = [c[4] for c in comments[:3]]
    runs = ([(f, f"adapter-fold-{f}.qvea") for f in range(args.folds)] if args.only in ("folds", "all") else []) \
        + ([(None, "adapter.qvea")] if args.only in ("final", "all") else [])
    for fold, name in runs:
        rows = [i for i, c in enumerate(comments) if fold is None or c[0] != fold]
        log(f"{name}: {len(rows)} comments")
        encoder = fine_tune(args.model, comments, rows, args, log)
        write_adapter(f"{args.output}/{name}", encoder, model_length, checks)


if __name__ == "__main__":
    main()
