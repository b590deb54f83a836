"""The experimental neural NER tagger (naba.models.ner.neural): trains and tags (skipped without torch)."""

from __future__ import annotations

import random

import pytest

torch = pytest.importorskip("torch")
np = pytest.importorskip("numpy")

from naba.evaluate.ner import score  # noqa: E402
from naba.models.ner import corpora, neural  # noqa: E402


def _sentences(shared_data, n):
    return corpora.anercorp(shared_data / "ner" / "anercorp" / "train.txt")[:n]


def test_viterbi_never_starts_an_entity_with_i():
    scores = np.log(np.full((3, len(neural.TAGS)), 0.01, dtype=np.float32))
    scores[:, neural.TAGS.index("I-ORG")] = 0.0  # I-ORG is the best tag everywhere
    path = [neural.TAGS[i] for i in neural.viterbi(scores, neural._transitions())]
    assert path[0] != "I-ORG" and path[1:] == ["I-ORG", "I-ORG"]
    assert path[0] == "B-ORG"


def test_a_tiny_model_learns_its_training_sentences(shared_data, tmp_path):
    torch.set_num_threads(1)
    sents = _sentences(shared_data, 60)
    train = [([w for w, _ in s], [t for _, t in s], "news") for s in sents]
    words = sorted({w for toks, _, _ in train for w in neural.token_flags(toks)[0]})
    vec = np.random.default_rng(0).standard_normal((len(words), 16)).astype(np.float16)
    model = neural.fit(train, sents[:20], words, vec, epochs=12, batch=4, lr=1e-2, log=lambda *_: None,
                       net_config={"hidden": 48})
    gold = [[t for _, t in s] for s in sents]
    pred = [model.tag([w for w, _ in s]) for s in sents]
    assert all(len(p) == len(g) for p, g in zip(pred, gold))
    assert score(gold, pred)["micro_f1"] > 60  # it fits what it was trained on
    path = tmp_path / "ner.pt"
    model.save(path)
    again = neural.load(path)
    assert [again.tag([w for w, _ in s]) for s in sents[:10]] == pred[:10]
    assert neural.tag.__doc__ and again.tag([]) == []


def test_missing_weights_raise_model_error(tmp_path):
    from naba.errors import ModelError

    with pytest.raises(ModelError):
        neural.load(tmp_path / "none.pt")
