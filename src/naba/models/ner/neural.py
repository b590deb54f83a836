"""A small neural NER tagger (BiLSTM over word vectors, a char-CNN and gazetteer flags).

An experiment against the shipped CRF (:mod:`.tagger`); the entities stage does not use it.
Per token the network sees:

- the PPMI-SVD vector of its normalized form (or of its clitic-stripped base), frozen: the vectors
  are those of :mod:`naba.models.embeddings` (ANT news), the ``--vocab`` most frequent words;
- a trainable embedding of the words seen twice or more in training;
- a char-CNN over the normalized form (Arabic clitics and affixes);
- the CRF's cheap flags (:func:`.features.word_features`, :func:`.features.known_spans`): gazetteer
  membership, known entity phrases, shape, the proclitic, and the training corpus ("news" at tagging).

A BiLSTM reads the sentence; a softmax per token is decoded with Viterbi under the IOB2 constraints
(no I-X after O or another type). ``naba train ner-neural`` trains it on the CRF's recipe
(:mod:`.train`), picks the epoch on a held-out share of the training sentences (never the dev split)
and prints the dev scores. Weights: ``ner_neural.pt`` next to this file (or ``$NABA_NER_NEURAL``).

Measured (20 epochs, 80k-word 64-d vectors, 11.8 MB): ANERcorp dev micro F1 70.2 (the CRF: 69.0),
block 5 of ANERcorp train 70.6 (the CRF recipe: 78-80 on such blocks); ~16k tokens/s on one core,
~1.8 s to load (1.2 s of it importing torch). Not good enough to replace the CRF.

Not for: the shipped tagger (``tagger.py``) or turning tags into mentions (``naba.stages.entities``).
"""

from __future__ import annotations

import os
import random
import sys
import time
from functools import lru_cache
from pathlib import Path

from ...errors import ModelError

MODEL_PATH = Path(__file__).resolve().parent / "ner_neural.pt"
TAGS = ("O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")
DOMAINS = ("news", "aqmar", "wojood", "wiki")
GAZ = ("gP", "gPs", "gN", "gNs", "gT", "gTs", "gO", "gOs", "gL", "gLs")
KNOWN = tuple(f"k{b}-{t}" for b in "BI" for t in ("PER", "LOC", "ORG", "MISC"))
SHAPES = ("ar", "lat", "num", "numx", "p")
N_FLAGS = len(GAZ) + len(KNOWN) + len(SHAPES) + 3 + len(DOMAINS)
MAX_CHARS = 16


def model_path() -> Path:
    return Path(os.environ.get("NABA_NER_NEURAL") or MODEL_PATH)


def token_flags(tokens: list[str], domain: str = "news") -> tuple[list[str], list[str], list[list[int]]]:
    """(normalized forms, bases, indices of the flags that are on) per token."""
    from .features import known_spans, word_features

    own = [word_features(t)[0] for t in tokens]
    norms = [o[0][2:] for o in own]
    bases = [o[1][2:] for o in own]
    known = known_spans(norms, bases)
    gi = {g: i for i, g in enumerate(GAZ)}
    ki = {k: len(GAZ) + i for i, k in enumerate(KNOWN)}
    si = len(GAZ) + len(KNOWN)
    di = si + len(SHAPES) + 3 + (DOMAINS.index(domain) if domain in DOMAINS else 0)
    flags = []
    for o, k in zip(own, known):
        on = [gi[f] for f in o[11:] if f in gi]
        if k.replace("PERS", "PER") in ki:
            on.append(ki[k.replace("PERS", "PER")])
        shape = o[3][3:]
        on.append(si + (SHAPES.index(shape) if shape in SHAPES else 4))
        if o[2] != "p=":
            on.append(si + len(SHAPES))
        if "al" in o:
            on.append(si + len(SHAPES) + 1)
        if "raw" in o or "diac" in o:
            on.append(si + len(SHAPES) + 2)
        on.append(di)
        flags.append(on)
    return norms, bases, flags


def _build_net(n_vec: int, vec_dim: int, n_words: int, n_chars: int, *, word_dim: int = 32,
               char_dim: int = 24, char_filters: int = 48, hidden: int = 96, dropout: float = 0.4):
    import torch
    from torch import nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.vec = nn.Embedding(n_vec, vec_dim, padding_idx=0)
            self.vec.weight.requires_grad = False
            self.word = nn.Embedding(n_words, word_dim, padding_idx=0)
            self.char = nn.Embedding(n_chars, char_dim, padding_idx=0)
            self.conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
            self.drop = nn.Dropout(dropout)
            self.lstm = nn.LSTM(vec_dim + word_dim + char_filters + N_FLAGS, hidden,
                                batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * hidden, len(TAGS))

        def forward(self, vec, word, chars, flags, lengths=None):
            b, n = vec.shape
            c = self.char(chars.view(b * n, -1)).transpose(1, 2)
            c = torch.relu(self.conv(c)).max(dim=2).values.view(b, n, -1)
            x = torch.cat([self.vec(vec).float(), self.word(word), c, flags], dim=2)
            x = self.drop(x)
            if lengths is not None:
                x = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
                h, _ = self.lstm(x)
                h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=n)
            else:
                h, _ = self.lstm(x)
            return self.out(self.drop(h))

    return Net()


class NeuralTagger:
    """The vocabularies and the network; :meth:`tag` tags one sentence of raw tokens."""

    def __init__(self, vec_words: list[str], words: list[str], chars: list[str], net, config: dict):
        self.vec_index = {w: i + 2 for i, w in enumerate(vec_words)}  # 0 pad, 1 unknown
        self.word_index = {w: i + 2 for i, w in enumerate(words)}
        self.char_index = {c: i + 2 for i, c in enumerate(chars)}
        self.vec_words, self.words, self.chars = vec_words, words, chars
        self.net, self.config = net, config
        self._trans = _transitions()

    def encode(self, tokens: list[str], domain: str = "news"):
        import numpy as np

        norms, bases, flags = token_flags(tokens, domain)
        n = len(tokens)
        vec = np.array([self.vec_index.get(w) or self.vec_index.get(b, 1) for w, b in zip(norms, bases)],
                       dtype=np.int64)
        word = np.array([self.word_index.get(w, 1) for w in norms], dtype=np.int64)
        chars = np.zeros((n, MAX_CHARS), dtype=np.int64)
        for i, w in enumerate(norms):
            ids = [self.char_index.get(c, 1) for c in w[:MAX_CHARS // 2] + w[-(MAX_CHARS // 2):]] \
                if len(w) > MAX_CHARS else [self.char_index.get(c, 1) for c in w]
            chars[i, :len(ids)] = ids
        fl = np.zeros((n, N_FLAGS), dtype=np.float32)
        for i, on in enumerate(flags):
            fl[i, on] = 1.0
        return vec, word, chars, fl

    def scores(self, tokens: list[str]):
        import torch

        vec, word, chars, fl = self.encode(tokens)
        with torch.inference_mode():
            out = self.net(torch.from_numpy(vec)[None], torch.from_numpy(word)[None],
                           torch.from_numpy(chars)[None], torch.from_numpy(fl)[None])
            return torch.log_softmax(out[0], dim=1).numpy()

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        return [TAGS[i] for i in viterbi(self.scores(tokens), self._trans)]

    def save(self, path: Path) -> None:
        import torch

        state = {k: (v.half() if k == "vec.weight" else v) for k, v in self.net.state_dict().items()}
        torch.save({"vec_words": self.vec_words, "words": self.words, "chars": self.chars,
                    "config": self.config, "state": state}, str(path))


def _transitions():
    """Log-transition matrix: 0 where allowed, -inf where IOB2 forbids (I-X after anything but X)."""
    import numpy as np

    t = np.zeros((len(TAGS), len(TAGS)), dtype=np.float32)
    for j, b in enumerate(TAGS):
        if b.startswith("I-"):
            for i, a in enumerate(TAGS):
                if a[2:] != b[2:]:
                    t[i, j] = -1e9
    return t


def viterbi(scores, trans) -> list[int]:
    import numpy as np

    start = np.array([-1e9 if t.startswith("I-") else 0.0 for t in TAGS], dtype=np.float32)
    best = scores[0] + start
    back = []
    for i in range(1, len(scores)):
        cand = best[:, None] + trans
        back.append(cand.argmax(axis=0))
        best = cand.max(axis=0) + scores[i]
    path = [int(best.argmax())]
    for bp in reversed(back):
        path.append(int(bp[path[-1]]))
    return path[::-1]


def load(path: Path | None = None) -> NeuralTagger:
    import torch

    path = path or model_path()
    if not path.is_file():
        raise ModelError(f"the neural NER model {path} is missing: run `naba train ner-neural`")
    try:
        torch.set_num_threads(1)
        d = torch.load(str(path), map_location="cpu", weights_only=True)
    except Exception as e:  # torch raises many kinds
        raise ModelError(f"the neural NER model {path} cannot be loaded: {e}") from e
    cfg = d["config"]
    net = _build_net(len(d["vec_words"]) + 2, cfg["vec_dim"], len(d["words"]) + 2, len(d["chars"]) + 2,
                     **cfg["net"])
    state = dict(d["state"])
    state["vec.weight"] = state["vec.weight"].float()
    net.load_state_dict(state)
    net.eval()
    return NeuralTagger(d["vec_words"], d["words"], d["chars"], net, cfg)


@lru_cache(maxsize=1)
def tagger() -> NeuralTagger:
    return load()


def tag(tokens: list[str]) -> list[str]:
    """IOB2 tags (PERS/LOC/ORG/MISC) of one sentence of raw tokens, like :func:`.tagger.tag`."""
    if not tokens:
        return []
    return tagger().tag(tokens)


# --- training -------------------------------------------------------------------------------------

def word_vectors(news: Path, vocab: int = 80_000, dim: int = 64, cache: Path | None = None):
    """(words, float16 vectors) of the PPMI-SVD embeddings of :mod:`naba.models.embeddings`."""
    import numpy as np

    from ..embeddings import news_words, ppmi_vectors

    if cache is not None and cache.is_file():
        d = np.load(cache)
        return [str(w) for w in d["words"]], d["vec"]
    words, vec = ppmi_vectors(list(news_words(news)), vocab, 20_000, dim)
    vec = vec.astype(np.float16)
    if cache is not None:
        np.savez(cache, words=np.array(words), vec=vec)
    return words, vec


def _batches(items, size: int, rng: random.Random):
    """Batches of sentences of similar length (shuffled)."""
    order = sorted(range(len(items)), key=lambda i: (len(items[i][0]), rng.random()))
    batches = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def fit(train_sents: list[tuple[list[str], list[str], str]], held: list[list[tuple[str, str]]],
        vec_words: list[str], vec, *, epochs: int = 12, batch: int = 16, lr: float = 2e-3,
        min_word_count: int = 2, net_config: dict | None = None, seed: int = 7, log=print) -> NeuralTagger:
    """Train on (tokens, tags, domain) triples; keep the epoch with the best F1 on ``held``."""
    import copy
    from collections import Counter

    import numpy as np
    import torch

    from ...evaluate.ner import score

    torch.manual_seed(seed)
    rng = random.Random(seed)
    net_config = net_config or {}
    wc: Counter = Counter()
    cc: Counter = Counter()
    for toks, _tags, _d in train_sents:
        for w in token_flags(toks)[0]:
            wc[w] += 1
            cc.update(w)
    words = sorted(w for w, c in wc.items() if c >= min_word_count)
    chars = sorted(c for c, k in cc.items() if k >= 3)
    net = _build_net(len(vec_words) + 2, vec.shape[1], len(words) + 2, len(chars) + 2, **net_config)
    with torch.no_grad():
        net.vec.weight[2:] = torch.from_numpy(np.asarray(vec, dtype=np.float32))
        net.vec.weight[:2] = 0
    model = NeuralTagger(vec_words, words, chars, net, {"vec_dim": int(vec.shape[1]), "net": net_config})
    t0 = time.time()
    enc = []
    for toks, tags, dom in train_sents:
        enc.append((model.encode(toks, dom), np.array([TAGS.index(t) for t in tags], dtype=np.int64)))
    log(f"encoded {len(enc)} sentences ({time.time() - t0:.0f}s), {len(words)} words, {len(chars)} chars")
    params = [p for p in net.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-1)
    best, best_state = -1.0, None
    for ep in range(epochs):
        net.train()
        t0 = time.time()
        total = 0.0
        for idx in _batches(enc, batch, rng):
            n = max(len(enc[i][1]) for i in idx)
            b = len(idx)
            V = np.zeros((b, n), dtype=np.int64)
            W = np.zeros((b, n), dtype=np.int64)
            C = np.zeros((b, n, MAX_CHARS), dtype=np.int64)
            F = np.zeros((b, n, N_FLAGS), dtype=np.float32)
            Y = np.full((b, n), -1, dtype=np.int64)
            lengths = []
            for k, i in enumerate(idx):
                (v, w, c, f), y = enc[i]
                m = len(y)
                V[k, :m], C[k, :m], F[k, :m], Y[k, :m] = v, c, f, y
                # word dropout: an unknown word id now and then, so the net learns to do without it
                W[k, :m] = np.where(np.random.rand(m) < 0.1, 1, w)
                lengths.append(m)
            out = net(torch.from_numpy(V), torch.from_numpy(W), torch.from_numpy(C), torch.from_numpy(F),
                      torch.tensor(lengths))
            loss = loss_fn(out.reshape(-1, len(TAGS)), torch.from_numpy(Y).reshape(-1))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            total += loss.item()
        net.eval()
        f1 = score([[t for _, t in s] for s in held], [model.tag([w for w, _ in s]) for s in held])["micro_f1"]
        log(f"epoch {ep + 1}: loss {total:.1f}, held-out F1 {f1:.2f} ({time.time() - t0:.0f}s)")
        if f1 > best:
            best, best_state = f1, copy.deepcopy(net.state_dict())
    net.load_state_dict(best_state)
    net.eval()
    model.config["held_out_f1"] = best
    return model


def train(data: Path, out: Path = MODEL_PATH, *, dev_block: int = 9, held_every: int = 20,
          epochs: int = 12, vocab: int = 80_000, dim: int = 64, vec_cache: Path | None = None,
          log=print) -> dict:
    import torch

    from ...evaluate.ner import score
    from . import corpora
    from .train import DOMAINS as PART_DOMAINS
    from .train import TRAIN_PARTS, datasets

    torch.set_num_threads(1)
    sets = datasets(data)
    aner = corpora.anercorp(data / "ner" / "anercorp" / "train.txt")
    a, b = int(len(aner) * dev_block / 10), int(len(aner) * (dev_block + 1) / 10)  # 9: train.anercorp_split
    dev, aner_train = aner[a:b], aner[:a] + aner[b:]
    held = aner_train[::held_every]
    sets["anercorp_train"] = [s for i, s in enumerate(aner_train) if i % held_every]
    train_sents = [([w for w, _ in s], [t for _, t in s], PART_DOMAINS.get(p, "news"))
                   for p in TRAIN_PARTS for s in sets[p]]
    t0 = time.time()
    vec_words, vec = word_vectors(data / "news" / "articles.jsonl.gz", vocab, dim, vec_cache)
    log(f"{len(vec_words)} word vectors ({time.time() - t0:.0f}s); {len(train_sents)} training sentences, "
        f"{len(held)} held out, dev block {dev_block} ({len(dev)} sentences)")
    t0 = time.time()
    model = fit(train_sents, held, vec_words, vec, epochs=epochs, log=log)
    train_s = time.time() - t0
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    res = {"train_s": round(train_s), "bytes": out.stat().st_size, "held_out_f1": model.config["held_out_f1"]}
    res["dev"] = score([[t for _, t in s] for s in dev], [model.tag([w for w, _ in s]) for s in dev])
    if dev_block == 9:
        res["aqmar_dev"] = score([[t for _, t in s] for s in sets["aqmar_dev"]],
                                 [model.tag([w for w, _ in s]) for s in sets["aqmar_dev"]])
    return res


def run_cli(args) -> int:
    data = Path(args.data)
    if not (data / "ner").is_dir():
        print(f"no ner/ folder under {data}", file=sys.stderr)
        return 2
    res = train(data, Path(args.out), dev_block=args.dev_block, epochs=args.epochs, vocab=args.vocab,
                dim=args.dim, vec_cache=Path(args.vec_cache) if args.vec_cache else None)
    from .train import print_dev_scores

    print_dev_scores(res, width=10, precision_recall=True)
    return 0


def register(sub) -> None:
    p = sub.add_parser("ner-neural", help="train the experimental BiLSTM NER tagger from ../shared/data")
    p.add_argument("--data", default="../shared/data", help="the shared data folder")
    p.add_argument("--out", default=str(MODEL_PATH), help="where to write the weights")
    p.add_argument("--dev-block", type=int, default=9,
                   help="which tenth of ANERcorp train is held out as dev (9: the last, the usual dev split)")
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--vocab", type=int, default=80_000, help="word vectors kept (most frequent words)")
    p.add_argument("--dim", type=int, default=64, help="word vector size")
    p.add_argument("--vec-cache", default="", help="an .npz to reuse the word vectors from (written if absent)")
    p.set_defaults(func=run_cli)
