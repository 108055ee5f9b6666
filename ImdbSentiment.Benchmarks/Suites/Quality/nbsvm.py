"""NBSVM (Wang and Manning 2012) as a scikit-learn user writes it: binary uni+bigram counts, naive-Bayes log-count
ratios r, logistic regression (defaults, liblinear) on x * r. The text is tokenised as ImdbSentiment's featurizer does
(lower case, <br /> as a break, runs of letters, digits and apostrophes), so only the models differ; scikit-learn's
default tokenizer scores lower on IMDB (it keeps "br" and drops one-letter words).

usage: nbsvm.py TRAIN.tsv TEST.tsv   (label<TAB>text per line, label 0 or 1, tabs and newlines in text escaped as spaces)
prints one JSON object: {"accuracy": ..., "seconds": ..., "features": ...}
"""
import json
import re
import sys
import time

import numpy as np
from scipy.sparse import diags
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression


LINE_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
WORD = re.compile(r"(?:[^\W_]|')+")


def tokenize(text):
    return WORD.findall(LINE_BREAK.sub(" ", text).lower())


def read(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            label, text = line.rstrip("\n").split("\t", 1)
            labels.append(int(label))
            texts.append(text)
    return np.array(labels), texts


def main(train_path, test_path):
    train_labels, train_texts = read(train_path)
    test_labels, test_texts = read(test_path)
    start = time.perf_counter()
    vectorizer = CountVectorizer(tokenizer=tokenize, lowercase=False, token_pattern=None, ngram_range=(1, 2), binary=True)
    train = vectorizer.fit_transform(train_texts)
    positive = np.asarray(train[train_labels == 1].sum(0)).ravel() + 1
    negative = np.asarray(train[train_labels == 0].sum(0)).ravel() + 1
    ratios = diags(np.log((positive / positive.sum()) / (negative / negative.sum())))
    model = LogisticRegression(dual=True, solver="liblinear", max_iter=1000).fit(train @ ratios, train_labels)
    seconds = time.perf_counter() - start
    predicted = model.predict(vectorizer.transform(test_texts) @ ratios)
    print(json.dumps({"accuracy": float((predicted == test_labels).mean()), "seconds": seconds, "features": train.shape[1]}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
