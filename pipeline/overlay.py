"""A user's gazetteer folder overlaid on the bundled one (``--gazetteer DIR``).

The user's folder holds some of the bundled ``*.csv`` files (same names). Each of its files is
checked against the file's schema (:data:`pipeline.gazetteer_schema.SCHEMAS`) with its own line
numbers, then merged with the bundled file: a user row whose **key** (:data:`KEYS`, e.g.
``canonical`` in ``persons.csv``) is also a key of bundled rows replaces all those rows (at the
place of the first); other user rows are added at the end. A user file may leave out optional
columns (they are empty); a column the schema does not know, or a required column left out, is
an error.

``era_aliases.csv`` is the hand-kept source of the derived ``eras.csv``: a user's era alias is
also added to the romanizations of the eras it names (as ``scripts/build_eras.py`` does), so it
is read at run time. The other hand-kept sources of derived files are refused (overlay the
derived file instead), unless they equal the bundled file (a full copy of the gazetteer is a
valid overlay: every row replaces itself).

The merged gazetteer is written once to a folder named by the hash of the bundled and the
user's files (``TMPDIR/chronicle-gazetteer-HASH``, reused by later runs and by worker
processes; it holds a marker file so that passing it again is not merged twice). Every stage
then reads that folder, and the gazetteer hash of the provenance and of the ``--resume`` cache
key is the hash of the merged files.

Errors: :class:`~pipeline.gazetteer.GazetteerError` (exit code 4), one line naming the user's
file and line.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from .gazetteer_schema import SCHEMAS, FileSchema, check_cells
from .resources import gazetteer_dir as bundled_gazetteer_dir

MARKER = ".chronicle-merged-gazetteer"

#: The key of each file: user rows replace the bundled rows with the same key.
KEYS: dict[str, tuple[str, ...]] = {
    "persons.csv": ("canonical",),
    "person_years.csv": ("canonical",),
    "cycle_japanese.csv": ("part", "number"),
    "places.csv": ("canonical",),
    "polities.csv": ("canonical",),
    "armies.csv": ("canonical",),
    "works.csv": ("canonical",),
    "polity_dynasties.csv": ("canonical",),
    "place_coordinates.csv": ("canonical",),
    "entity_lexicon.csv": ("kind", "value"),
    "name_collisions.csv": ("kind", "word"),
    "compound_surnames.csv": ("surname_zh",),
    "eras.csv": ("era_id",),
    "eras_japan.csv": ("era_id",),
    "rulers.csv": ("ruler_id",),
    "ruler_names.csv": ("ruler_id",),
    "dynasties.csv": ("dynasty",),
    "date_words.csv": ("word", "category"),
    "event_types.csv": ("lemma",),
    "event_cues.csv": ("cue", "kind"),
    "report_cues.csv": ("forms", "kind"),
    "modality_cues.csv": ("forms", "kind"),
    "narration_cues.csv": ("forms", "kind"),
    "mt_cues.csv": ("cue", "kind"),
    "later_cues.csv": ("cue", "link"),
    "page_furniture.csv": ("cue",),
    "sentence_abbreviations.csv": ("abbreviation",),
    "garble_substitutions.csv": ("garbled", "plain"),
    "vietnamese_surnames.csv": ("surname",),
    "vietnamese_syllables.csv": ("kind", "part"),
    "verb_inflections.csv": ("lemma",),
    "event_nouns.csv": ("noun", "lemma"),
    "modern_places.csv": ("name", "name_zh", "province"),
    "provinces.csv": ("province",),
    "place_aliases.csv": ("alias", "province"),
    "place_gloss_words.csv": ("phrase", "kind"),
    "name_romanizations.csv": ("file", "canonical", "alias"),
    "historical_places.csv": ("name", "tgaz_id"),
    "historical_places_extra.csv": ("name", "zh", "kind", "start_year"),
    "postal_places.csv": ("alias", "tgaz_id"),
    "world_places.csv": ("name", "country"),
    "world_places_extra.csv": ("name", "country"),
    "world_alternates.csv": ("alias",),
    "feature_characters.csv": ("ending",),
    "old_spellings.csv": ("old",),
    "era_aliases.csv": ("era_zh", "dynasty", "alias"),
    "eras_korea.csv": ("era_id",),
    "eras_vietnam.csv": ("era_id",),
    "rulers_korea.csv": ("ruler_id",),
    "rulers_japan.csv": ("ruler_id",),
    "era_meanings.csv": ("era_zh",),
    "era_japanese.csv": ("era_zh", "reading"),
    "capital_periods.csv": ("alias", "dynasty", "start_year"),
    "periods.csv": ("name",),
}
#: Hand-kept sources of derived files that have no effect at run time: refused in an overlay.
SOURCE_ONLY = {
    "postal_spellings.csv": "name_romanizations.csv",
    "era_errata.csv": "eras.csv",
    "era_readings.csv": "eras.csv",
    "modern_places_extra.csv": "modern_places.csv",
    "place_pinyin_overrides.csv": "modern_places.csv",
    "korea_errata.csv": "eras_korea.csv",
    "vietnam_eras_source.csv": "eras_vietnam.csv",
    "japan_ruler_readings.csv": "rulers_japan.csv",
    "japanese_kanji_forms.csv": "era_japanese.csv",
    "preqin_rulers.csv": "rulers.csv",
    "world_regions.csv": "world_places.csv",
    "east_asia_places.csv": "world_places.csv",
}

Row = dict[str, str]


def _error(message: str) -> Exception:
    from .gazetteer import GazetteerError  # pipeline.gazetteer imports resources: import late

    return GazetteerError(message)


def read_overlay_file(path: Path, schema: FileSchema) -> list[tuple[int, Row]]:
    """The rows of one user file as ``(line, row with every schema column)``.

    The header may be any subset of the schema's columns that holds its required ones.
    Raises :class:`~pipeline.gazetteer.GazetteerError` ``"FILE:LINE: problem"``."""
    out: list[tuple[int, Row]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip() for h in next(reader, [])]
            unknown = [h for h in header if h not in schema.columns]
            if unknown:
                raise _error(f"{path}:1: unknown column {unknown[0]!r} (the columns of "
                             f"{path.name} are {','.join(schema.columns)})")
            if len(set(header)) != len(header):
                raise _error(f"{path}:1: a column is named twice")
            missing = [c for c in schema.required if c not in header]
            if missing:
                raise _error(f"{path}:1: required column {missing[0]!r} is missing")
            for cells in reader:
                line = reader.line_num
                if not any(c.strip() for c in cells):
                    continue
                out.append((line, check_cells(path, line, header, cells, schema)))
    except UnicodeDecodeError as exc:
        raise _error(f"{path}: not UTF-8 ({exc.reason})") from exc
    except csv.Error as exc:
        raise _error(f"{path}: bad CSV ({exc})") from exc
    except OSError as exc:
        raise _error(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return out


def read_overlay(directory: Path) -> dict[str, list[tuple[int, Row]]]:
    """Every ``*.csv`` file of a user's folder, checked: ``{file name: rows}``.

    Raises GazetteerError for a missing folder, an unknown file name, a source-only file or a
    bad row."""
    if not directory.is_dir():
        raise _error(f"{directory}: gazetteer folder not found")
    files: dict[str, list[tuple[int, Row]]] = {}
    bundled = bundled_gazetteer_dir()
    for path in sorted(directory.glob("*.csv")):
        if path.name in SOURCE_ONLY and _same_bytes(path, bundled / path.name):
            continue  # a full copy of the gazetteer: an unchanged source is no change
        if path.name in SOURCE_ONLY:
            raise _error(f"{path}: {path.name} only feeds a derived table; put your rows in "
                         f"{SOURCE_ONLY[path.name]} instead")
        if path.name not in KEYS:
            raise _error(f"{path}: not a gazetteer file (known files: "
                         f"{', '.join(sorted(KEYS))})")
        files[path.name] = read_overlay_file(path, SCHEMAS[path.name])
    return files


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return b.is_file() and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def merge_rows(base: list[Row], extra: list[Row], key: tuple[str, ...]) -> list[Row]:
    """``base`` with ``extra`` overlaid: the rows of a key found in ``extra`` replace all
    ``base`` rows of that key, one for one in their places (more user rows follow the last
    one; fewer drop the rest); rows of new keys are added at the end, in their order."""
    def key_of(row: Row) -> tuple[str, ...]:
        return tuple(row.get(k, "") for k in key)

    by_key: dict[tuple[str, ...], list[Row]] = {}
    for row in extra:
        by_key.setdefault(key_of(row), []).append(row)
    counts = Counter(key_of(r) for r in base)
    left = {k: counts[k] for k in by_key}
    used: dict[tuple[str, ...], int] = {}
    out: list[Row] = []
    for row in base:
        k = key_of(row)
        if k not in by_key:
            out.append(row)
            continue
        n = used.get(k, 0)
        left[k] -= 1
        rows = by_key[k]
        if left[k] == 0:  # the last bundled row of this key: the rest of the user's rows
            out.extend(rows[n:])
            used[k] = len(rows)
        elif n < len(rows):
            out.append(rows[n])
            used[k] = n + 1
    out.extend(r for k, rows in by_key.items() if k not in used for r in rows)
    return out


def _read(path: Path) -> tuple[list[str], list[Row]]:
    if not path.is_file():
        return [], []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or ()), list(reader)


def _text(columns: list[str], rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _with_era_aliases(columns: list[str], eras: list[Row], aliases: list[Row]) -> list[Row]:
    """``eras`` rows with each alias added to ``romanizations`` of the eras it names
    (``era_zh`` and, when given, ``dynasty``), as ``scripts/build_eras.py`` does."""
    out = []
    for era in eras:
        forms = [f for f in era.get("romanizations", "").split("|") if f]
        for alias in aliases:
            if alias["era_zh"] == era.get("era_zh") and \
                    alias["dynasty"] in ("", era.get("dynasty")) and alias["alias"] not in forms:
                forms.append(alias["alias"])
        out.append({**era, "romanizations": "|".join(forms)})
    return out


def merged_files(directory: Path, bundled: Path) -> dict[str, str]:
    """The text of every bundled file that the user's ``directory`` changes, merged."""
    overlay = read_overlay(directory)
    texts: dict[str, str] = {}
    for name, rows in overlay.items():
        columns, base = _read(bundled / name)
        columns = columns or list(SCHEMAS[name].columns)
        texts[name] = _text(columns, merge_rows(base, [r for _, r in rows], KEYS[name]))
    if overlay.get("era_aliases.csv"):
        aliases = [r for _, r in overlay["era_aliases.csv"]]
        for name in ("eras.csv", "eras_japan.csv"):
            if name in texts:
                source = list(csv.DictReader(io.StringIO(texts[name])))
                columns = list(SCHEMAS[name].columns)
            else:
                columns, source = _read(bundled / name)
            if source:
                texts[name] = _text(columns, _with_era_aliases(columns, source, aliases))
    return texts


def prepare_gazetteer(directory: Path | str | None) -> Path:
    """The folder every stage should read for the user's ``directory`` (None: the bundled
    gazetteer): the bundled folder itself, an already merged folder as it is, else the merged
    folder (written on first use). Raises GazetteerError (exit 4) naming file and line."""
    bundled = bundled_gazetteer_dir()
    if directory is None:
        return bundled
    directory = Path(directory)
    if (directory / MARKER).is_file():
        return directory
    if directory.resolve() == bundled.resolve():
        return bundled
    texts = merged_files(directory, bundled)
    digest = hashlib.sha256()
    for path in sorted(bundled.glob("*.csv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name in sorted(texts):
        digest.update(b"overlay\0" + name.encode() + b"\0" + texts[name].encode() + b"\0")
    target = Path(tempfile.gettempdir()) / f"chronicle-gazetteer-{digest.hexdigest()[:20]}"
    if (target / MARKER).is_file():
        return target
    staging = Path(tempfile.mkdtemp(prefix=".chronicle-gazetteer-", dir=target.parent))
    try:
        for path in bundled.glob("*.csv"):
            if path.name not in texts:
                shutil.copyfile(path, staging / path.name)
        for name, text in texts.items():
            (staging / name).write_text(text, encoding="utf-8")
        (staging / MARKER).write_text(f"merged from {bundled} and {directory.resolve()}\n",
                                      encoding="utf-8")
        try:
            os.rename(staging, target)
        except OSError:  # another process won the race: its folder has the same content
            if not (target / MARKER).is_file():
                raise
    except OSError as exc:
        raise _error(f"cannot write the merged gazetteer to {target}: "
                     f"{exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
