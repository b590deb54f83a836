"""``naba train ner``: rebuild the gazetteer files and the CRF weights from ../shared/data.

Training data (all mapped to PERS/LOC/ORG/MISC by :mod:`.corpora`), by default:
- ANERcorp train.txt minus its last 10% of sentences (the dev split, never trained on);
- AQMAR, minus the 8 LLMeBench dev articles (kept for dev);
- the Wojood sample (train part).
- naba's own news gold sets (``news_gold``: tests/fixtures/ner_news2018*.conll, 75 articles of
  2015-2018 news annotated by hand with the ANERcorp conventions, ~12,500 tokens; read from the
  repository's tests folder, skipped with a note when it is absent): in-domain text, under the
  ANERcorp domain feature. Each set was measured fresh before it was trained on; the held-out
  estimate now is ``bench/ner_news_cv.py`` (each set tagged by a model trained without it). A fourth
  set, ner_news2018d.conll, is kept out of training: the shipped model's in-domain test (with it
  in training, ANERcorp blocks 9 / 5 / 7 went 73.26 / 68.40 / 81.84 -> 72.34 / 68.20 / 81.18 while the
  other news sets held out gained 0.4-1.9).
Optional parts: WikiFANE (Wikipedia) and NewsFANE, which is ANERcorp re-annotated: only its
sentences that are in our ANERcorp training part are used (the rest would be ANERcorp dev or the
held-out ANERcorp test). Each part gets its own domain feature (``DOMAINS``); tagging uses the
ANERcorp one ("news"). The features need ``word_clusters.tsv.gz`` (``naba train embeddings``);
the gazetteer files, WikiFANE's known phrases and the head names mined from ../shared/data/news
(:mod:`naba.entities.build`) are rebuilt first, then the name n-gram table (:mod:`.namelike`).
FANE corpora split off و and ال as tokens; they are glued back so that training tokens look
like naba's (clitics attached, as in ANERcorp and in ``record.tokens``).

Prints dev scores (ANERcorp dev, NewsFANE on the same sentences, AQMAR dev) at the end.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from . import corpora
from .corpora import Sentence
from .tagger import MODEL_PATH

AQMAR_DEV = ("Damascus", "Atom", "Raul_Gonzales", "Linux", "Imam_Hussein_Shrine", "Nuclear_Power",
             "Real_Madrid", "Solaris")
DEV_SHARE = 0.10
_GLUE = {"و", "ال", "‏و", "ف", "ب", "ل", "ك"}


def glue_clitics(sent: Sentence) -> Sentence:
    """Join a lone clitic token (و, ال, ...) to the next token, as naba's tokenizer keeps it."""
    out: Sentence = []
    i = 0
    while i < len(sent):
        tok, tag = sent[i]
        if tok in _GLUE and i + 1 < len(sent) and sent[i + 1][0][:1].isalpha():
            nxt, ntag = sent[i + 1]
            tag = tag if tag.startswith("B-") else ntag
            out.append((tok + nxt, tag))
            i += 2
            continue
        out.append((tok, tag))
        i += 1
    return [(t, g) for t, g in zip([t for t, _ in out], corpora.repair_iob([g for _, g in out]))]


def anercorp_split(data: Path) -> tuple[list[Sentence], list[Sentence]]:
    sents = corpora.anercorp(data / "ner" / "anercorp" / "train.txt")
    cut = int(len(sents) * (1 - DEV_SHARE))
    return sents[:cut], sents[cut:]


NEWS_GOLD_DIR = Path(__file__).resolve().parents[4] / "tests" / "fixtures"
NEWS_GOLD = ("ner_news2018.conll", "ner_news2018b.conll", "ner_news2018c.conll")


def news_gold(exclude: tuple[str, ...] = ()) -> list[Sentence]:
    """The sentences of naba's news gold sets (``NEWS_GOLD``) but ``exclude``; none outside a checkout."""
    from ...evaluate.ner import read_gold

    return [s for name in NEWS_GOLD if name not in exclude and (NEWS_GOLD_DIR / name).is_file()
            for s in read_gold(NEWS_GOLD_DIR / name)]


def datasets(data: Path, wikifane_share: float = 1.0) -> dict[str, list[Sentence]]:
    ner = data / "ner"
    train, dev = anercorp_split(data)
    newsfane = [glue_clitics(s) for s in corpora.fane(ner / "newsfane_gold" / "NewsFANE_Gold_2014_170K.txt")]
    train_keys = {corpora.sentence_key(t for t, _ in s) for s in train}
    dev_keys = {corpora.sentence_key(t for t, _ in s) for s in dev}
    wiki = [glue_clitics(s) for s in corpora.fane(ner / "wikifane_gold" / "WikiFANE_Gold_2014_500K.txt")]
    if wikifane_share < 1.0:
        wiki = random.Random(13).sample(wiki, int(len(wiki) * wikifane_share))
    all_aqmar = {a for a in (p.stem for p in (ner / "aqmar").glob("*.txt")) if a != "SOURCE"}
    return {
        "anercorp_train": train,
        "anercorp_dev": dev,
        "newsfane_train": [s for s in newsfane if corpora.sentence_key(t for t, _ in s) in train_keys],
        "newsfane_dev": [s for s in newsfane if corpora.sentence_key(t for t, _ in s) in dev_keys],
        "aqmar_train": corpora.aqmar(ner / "aqmar", tuple(sorted(all_aqmar - set(AQMAR_DEV)))),
        "aqmar_dev": corpora.aqmar(ner / "aqmar", AQMAR_DEV),
        "wikifane": wiki,
        "wojood_train": corpora.wojood(ner / "wojood_sample" / "train.txt"),
        "news_gold": news_gold(),
    }


TRAIN_PARTS = ("anercorp_train", "aqmar_train", "wojood_train", "news_gold")
# The domain feature of each training part (tagging uses "news"): ANERcorp, NewsFANE and naba's
# news gold sets share it.
DOMAINS = {"anercorp_train": "news", "newsfane_train": "news", "aqmar_train": "aqmar",
           "wojood_train": "wojood", "wikifane": "wiki", "news_gold": "news"}
DEV_PARTS = ("anercorp_dev", "newsfane_dev", "aqmar_dev")


def crf_params(c1: float = 0.05, c2: float = 0.01, iterations: int = 150, minfreq: int = 0) -> dict:
    """crfsuite's training parameters of the shipped model (L1/L2 weights, L-BFGS iterations)."""
    return {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.minfreq": minfreq,
            "feature.possible_transitions": True}


def fit(parts: dict[str, list[Sentence]], out: Path, params: dict | None = None) -> int:
    """Train a CRF on ``parts`` (part name -> sentences, each under its ``DOMAINS`` feature) into
    ``out`` (``crf_params()`` unless ``params``); returns the number of training tokens. What
    ``naba train ner`` and the cross-validation scripts under bench/ train with."""
    import pycrfsuite

    from .features import document_features

    trainer = pycrfsuite.Trainer(verbose=False)
    n_tok = 0
    for part, sents in parts.items():
        for s, feats in zip(sents, document_features([[t for t, _ in s] for s in sents], DOMAINS.get(part, part))):
            trainer.append(feats, [g for _, g in s])
            n_tok += len(s)
    trainer.set_params(params or crf_params())
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return n_tok


def train(data: Path, out: Path = MODEL_PATH, *, c1: float = 0.05, c2: float = 0.01,
          iterations: int = 150, minfreq: int = 0, wikifane_share: float = 1.0,
          parts: tuple[str, ...] = TRAIN_PARTS, log=print) -> dict:
    from ...entities import lexicon
    from ...entities.build import build, build_head_names, build_known_entities
    from . import namelike
    from .features import clusters

    log(f"gazetteers: {build(data / 'gazetteers')}, known entities: {build_known_entities(data / 'ner')}, "
        f"head names: {build_head_names(data / 'news' / 'articles.jsonl.gz')}")
    log(f"name n-grams: {namelike.build(namelike.transliterated_names(data / 'gazetteers'), list(clusters()))}")
    for cached in (lexicon.known_entities, lexicon.head_names, namelike._table):
        cached.cache_clear()
    sets = datasets(data, wikifane_share)
    if "news_gold" in parts and not sets["news_gold"]:
        log(f"no news gold sets under {NEWS_GOLD_DIR}: training without them")
    t0 = time.time()
    n_tok = fit({part: sets[part] for part in parts}, out, crf_params(c1, c2, iterations, minfreq))
    log(f"trained on {n_tok} tokens from {', '.join(parts)} in {time.time() - t0:.0f}s -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB)")
    return dev_scores(sets, out)


def dev_scores(sets: dict[str, list[Sentence]], model: Path) -> dict:
    import os

    from ...evaluate.ner import evaluate
    from . import tagger

    os.environ["NABA_NER_MODEL"] = str(model)
    tagger.tagger.cache_clear()
    return {part: evaluate(sets[part]) for part in DEV_PARTS}


def run_cli(args) -> int:
    data = Path(args.data)
    if not (data / "ner").is_dir():
        print(f"no ner/ folder under {data}", file=sys.stderr)
        return 2
    res = train(data, Path(args.out), c1=args.c1, c2=args.c2, iterations=args.iterations,
                minfreq=args.minfreq, wikifane_share=args.wikifane_share,
                parts=tuple(args.parts.split(",")))
    print_dev_scores(res)
    return 0


def print_dev_scores(res: dict, *, width: int = 14, precision_recall: bool = False) -> None:
    """Print the scores of a training run (``naba train ner`` and ``ner-neural``): a line for each
    part scored (a dict of :func:`naba.evaluate.ner.score`: micro F1, with P and R when
    ``precision_recall``, and each type's F1; the name padded to ``width``), then ``res`` as one
    JSON line with only the micro and per-type F1 of each part (other values as they are)."""
    for part, r in res.items():
        if isinstance(r, dict):
            per = " ".join(f"{t} {v['f1']:.1f}" for t, v in r["per_type"].items())
            pr = f" P {r['precision']:.2f} R {r['recall']:.2f}" if precision_recall else " "
            print(f"{part:{width}} micro F1 {r['micro_f1']:.2f}{pr} ({per})")
    print(json.dumps({k: ({"micro_f1": v["micro_f1"], "per_type": {t: x["f1"] for t, x in v["per_type"].items()}}
                          if isinstance(v, dict) else v) for k, v in res.items()}, ensure_ascii=False))


def register(sub) -> None:
    p = sub.add_parser("ner", help="train the NER CRF (and rebuild the gazetteers) from ../shared/data")
    p.add_argument("--data", default="../shared/data", help="the shared data folder")
    p.add_argument("--out", default=str(MODEL_PATH), help="where to write the weights")
    p.add_argument("--c1", type=float, default=0.05)
    p.add_argument("--c2", type=float, default=0.01)
    p.add_argument("--iterations", type=int, default=150)
    p.add_argument("--minfreq", type=int, default=0, help="drop features seen this often or less (0 keeps all)")
    p.add_argument("--wikifane-share", type=float, default=1.0)
    p.add_argument("--parts", default=",".join(TRAIN_PARTS), help="training parts, comma-separated")
    p.set_defaults(func=run_cli)
