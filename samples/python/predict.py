#!/usr/bin/env python3
"""Scores reviews with a model exported by `imdb-sentiment export --model MODEL.zip --output EXPORT_DIR`.

Usage: predict.py [--skip-empty] EXPORT_DIR < reviews.txt > probabilities.txt

Reads one review per line of standard input (UTF-8; bytes that are not UTF-8 read as U+FFFD, as in the .NET reader)
and prints, for each, the probability that it is positive, one per line in input order. It follows EXPORT_DIR's
featurizer.json step by step, so its token ids are the ones the model zip makes, and runs model.onnx with
onnxruntime. A line with no words (no letter or digit) is refused with an error naming its line, as every
imdb-sentiment command and the .NET library refuse it; with --skip-empty it gets an empty output line instead.
Needs numpy and onnxruntime (Debian: python3-numpy python3-onnxruntime).
"""

import contextlib
import io
import json
import os
import re
import sys
import unicodedata

import numpy as np

FORMAT = "imdb-sentiment-export"
VERSION = 1
BATCH_SIZE = 256
NO_WORDS = "is empty or has no words (no letter or digit)"
WORD_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"}


def has_words(review):
    """The empty-text rule of every imdb-sentiment command: a letter or decimal digit in one UTF-16 code unit."""
    return any(ord(c) <= 0xFFFF and unicodedata.category(c) in WORD_CATEGORIES for c in review)


@contextlib.contextmanager
def quiet_stderr():
    """Debian's onnxruntime 1.21 prints hundreds of harmless 'Schema error' lines as it starts; keep them off stderr."""
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class Featurizer:
    """featurizer.json's steps: review text to the network's int64 inputs."""

    def __init__(self, folder, spec):
        text = spec["text"]
        self.line_break = re.compile(text["lineBreakPattern"])
        self.lowercase = str.maketrans(text["lowercaseFrom"], text["lowercaseTo"])
        self.token = re.compile(text["tokenPattern"])
        self.token_ids = spec.get("tokenIds")
        self.ngram_ids = spec.get("ngramIds")
        if self.token_ids:
            self.words = self._vocabulary(folder, self.token_ids["vocabulary"], self.token_ids["firstWordId"])
        if self.ngram_ids:
            self.ngrams = self._vocabulary(folder, self.ngram_ids["vocabulary"], self.ngram_ids["firstNgramId"])

    @staticmethod
    def _vocabulary(folder, name, first_id):
        with open(os.path.join(folder, name), encoding="utf-8", newline="\n") as lines:
            return {line.rstrip("\n"): first_id + i for i, line in enumerate(lines)}

    def tokens(self, review):
        return self.token.findall(self.line_break.sub(" ", review).translate(self.lowercase))

    def token_row(self, tokens):
        spec = self.token_ids
        ids = [spec["startId"]] + [self.words.get(token, spec["outOfVocabularyId"]) for token in tokens]
        length = spec["maxLength"]
        if len(ids) > length:
            ids = ids[-length:] if spec["truncating"] == "pre" else ids[:length]
        padding = [spec["paddingId"]] * (length - len(ids))
        return padding + ids if spec["padding"] == "pre" else ids + padding

    def ngram_row(self, tokens):
        spec = self.ngram_ids
        longest, separator = spec["longest"], spec["separator"]
        distinct = {}
        for start in range(len(tokens)):
            for end in range(start + 1, min(start + longest, len(tokens)) + 1):
                distinct.setdefault(separator.join(tokens[start:end]), None)
        return [spec["paddingId"]] + [self.ngrams[ngram] for ngram in distinct if ngram in self.ngrams]

    def inputs(self, reviews):
        """The network's inputs for a batch of reviews: name -> int64 array [batch, length]."""
        tokenized = [self.tokens(review) for review in reviews]
        feeds = {}
        if self.token_ids:
            feeds[self.token_ids["input"]] = np.array([self.token_row(tokens) for tokens in tokenized], dtype=np.int64)
        if self.ngram_ids:
            rows = [self.ngram_row(tokens) for tokens in tokenized]
            batch = np.full((len(rows), max(map(len, rows))), self.ngram_ids["paddingId"], dtype=np.int64)
            for i, row in enumerate(rows):
                batch[i, : len(row)] = row
            feeds[self.ngram_ids["input"]] = batch
        return feeds


def load(folder):
    path = os.path.join(folder, "featurizer.json")
    with open(path, encoding="utf-8") as file:
        try:
            spec = json.load(file)
        except ValueError as error:
            raise ValueError(f"{path}: not JSON ({error})") from error
    if spec.get("format") != FORMAT or spec.get("version") != VERSION:
        raise ValueError(f"{path}: format {spec.get('format')!r} version {spec.get('version')!r}; "
                         f"expected {FORMAT!r} version {VERSION}")
    network = os.path.join(folder, spec["network"]["file"])
    with quiet_stderr():
        import onnxruntime

        try:
            session = onnxruntime.InferenceSession(network, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime's own exception types are not importable by a stable name
            raise ValueError(f"{network}: onnxruntime cannot load it ({str(error).splitlines()[0]})") from error
    return Featurizer(folder, spec), session, spec["network"]["probabilityOutput"]


def batches(lines):
    batch = []
    for line in lines:
        batch.append(line[:-1] if line.endswith("\n") else line)
        if len(batch) == BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def main(arguments):
    skip_empty = "--skip-empty" in arguments
    arguments = [argument for argument in arguments if argument != "--skip-empty"]
    if len(arguments) != 1:
        print("usage: predict.py [--skip-empty] EXPORT_DIR < reviews.txt", file=sys.stderr)
        return 2
    try:
        featurizer, session, output = load(arguments[0])
    except OSError as error:
        print(f"error: {error.filename}: {error.strerror} (expected a folder written by 'imdb-sentiment export')", file=sys.stderr)
        return 1
    except KeyError as error:
        print(f"error: {arguments[0]}/featurizer.json: no {error} field (expected a folder written by 'imdb-sentiment export')", file=sys.stderr)
        return 1
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    reviews = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    try:
        first_line = 1
        for batch in batches(reviews):
            empty = [i for i, review in enumerate(batch) if not has_words(review)]
            if empty and not skip_empty:
                print(f"error: standard input, line {first_line + empty[0]}: the review {NO_WORDS}: "
                      "expected the text of a review, or --skip-empty to print an empty line for it", file=sys.stderr)
                return 1
            scored = [review for review in batch if has_words(review)]
            probabilities = iter(session.run([output], featurizer.inputs(scored))[0][:, 0] if scored else [])
            sys.stdout.write("".join("\n" if not has_words(review) else f"{next(probabilities):.9g}\n" for review in batch))
            first_line += len(batch)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (| head): not an error. Python's documented way to exit without a second one.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
