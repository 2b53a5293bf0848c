"""What the staff workbench shows, as text: passages as rows, a procedure, an answer for staff and
its copy for the citizen, the ranking behind it. Pure functions of the assistant's data, so they
are tested without a browser; ui/staff.py lays them out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from assistant.decide.features import FEATURES
from assistant.models import Answer, AnswerStatus, Citation, Passage
from assistant.pipeline import Resolution
from indexing.models import Channel, ChannelKind, Language, ProcedureDocument, Region
from indexing.review import is_due

EXCERPT_CHARS = 220
REGIONS = {Region.BRUSSELS: "Région de Bruxelles-Capitale", Region.FEDERAL: "fédéral",
           Region.WALLONIA: "Wallonie", Region.FLANDERS: "Flandre", Region.FRANCE: "France"}
CHANNEL_KINDS = {ChannelKind.PHONE: "Téléphone", ChannelKind.COUNTER: "Guichet",
                 ChannelKind.ONLINE: "En ligne", ChannelKind.DIGITAL_HELP: "Aide numérique",
                 ChannelKind.EMERGENCY: "Urgence"}
SOURCES_HEADING = {Language.FR: "Sources", Language.NL: "Bronnen", Language.EN: "Sources"}
CONTACTS_HEADING = {Language.FR: "Contacts", Language.NL: "Contact", Language.EN: "Contacts"}
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")
_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_STAR_BULLET = re.compile(r"^(\s*)[*+]\s+", re.MULTILINE)


def document_choices(documents: Sequence[ProcedureDocument]) -> list[tuple[str, str]]:
    """One entry per procedure, titled in French when it exists in French."""
    titles: dict[str, str] = {}
    for document in documents:
        if document.language is Language.FR or document.doc_id not in titles:
            titles[document.doc_id] = document.title
    return [(f"{doc_id} — {title}", doc_id) for doc_id, title in sorted(titles.items())]


def passage_rows(passages: Sequence[Passage]) -> list[list]:
    return [[rank, p.chunk.doc_id, p.chunk.language.value, p.chunk.heading,
             _rounded(p.fused_score, 4), _rounded(p.dense_similarity, 3), p.dense_rank,
             _rounded(p.lexical_score, 2), p.lexical_rank, _excerpt(p.chunk.text)]
            for rank, p in enumerate(passages, start=1)]


def review_warning(reviewed: date, review_age_days: int, today: date | None = None) -> str:
    """For staff only: a page past the deployment's review age may hold outdated facts. Citizens
    are not told, as they cannot act on it; staff can check the official page."""
    if not is_due(reviewed, today or date.today(), review_age_days):
        return ""
    return (f"⚠ vérifiée le {reviewed:%d/%m/%Y}, plus de {review_age_days} jours : à revoir, "
            f"vérifiez la page officielle (due for review)")


def document_markdown(document: ProcedureDocument, review_age_days: int,
                      today: date | None = None) -> str:
    url = document.source_url
    warning = review_warning(document.reviewed, review_age_days, today)
    lines = [f"## {document.title}", "", document.summary, "",
             f"- **Région (region)** : {REGIONS[document.region]}",
             f"- **Source** : [{url}]({url})",
             f"- **Vérifié le {document.reviewed:%d/%m/%Y}** (reviewed)"
             + (f" — **{warning}**" if warning else ""),
             f"- **Identifiant (id)** : `{document.doc_id}` ({document.language.value})"]
    if document.contacts:
        lines += ["", "### Contacts", "", *(f"- {_channel(c, markdown=True)}"
                                            for c in document.contacts)]
    for section in document.sections:
        lines += ["", f"### {section.heading}", "", section.text.strip()]
    return "\n".join(lines)


def status_markdown(answer: Answer, threshold: float) -> str:
    shows_reason = answer.handoff is not None and answer.status is not AnswerStatus.ANSWER
    reason = f" · {answer.handoff.reason}" if shows_reason else ""
    return (f"**Statut (status)** : `{answer.status.value}`{reason} · **confiance "
            f"(confidence)** : {answer.confidence:.2f} (seuil {threshold:.2f}) · "
            f"**langue** : {answer.language.value}")


def staff_markdown(answer: Answer, review_age_days: int, today: date | None = None) -> str:
    parts = [answer.answer]
    if answer.citations:
        parts.append("**Sources**\n\n" + "\n".join(
            f"[{number}] {c.title} — {c.section} — [{c.url}]({c.url})"
            + (f" — {c.attribution}, {c.updated}" if c.attribution else "")
            + _citation_warning(c, review_age_days, today)
            for number, c in enumerate(answer.citations, start=1)))
    if answer.handoff and answer.handoff.channels:
        parts.append("**Contacts**\n\n" + "\n".join(
            f"- {_channel(c, markdown=True)}" for c in answer.handoff.channels))
    return "\n\n".join(parts)


def _citation_warning(citation: Citation, review_age_days: int, today: date | None) -> str:
    if not citation.updated:
        return ""
    warning = review_warning(date.fromisoformat(citation.updated), review_age_days, today)
    return f" — **{warning}**" if warning else ""


def citizen_text(answer: Answer) -> str:
    """The citizen's answer as plain text: no Markdown, sources as numbered URLs at the end."""
    parts = [plain_text(answer.answer)]
    if answer.citations:
        parts.append(f"{SOURCES_HEADING[answer.language]} :\n" + "\n".join(
            f"[{number}] {c.url}" for number, c in enumerate(answer.citations, start=1)))
    elif answer.handoff and answer.handoff.channels:
        parts.append(f"{CONTACTS_HEADING[answer.language]} :\n" + "\n".join(
            f"- {_channel(c, markdown=False)}" for c in answer.handoff.channels))
    return "\n\n".join(parts)


def plain_text(markdown: str) -> str:
    text = _LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2)
                     else f"{m.group(1)} ({m.group(2)})", markdown)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _HEADING.sub("", text)
    return _STAR_BULLET.sub(r"\1- ", text).strip()


def debug_markdown(resolution: Resolution, generator: str) -> str:
    """The ranked procedures with the model's score and the evidence behind it."""
    ranking = resolution.ranking
    header = "| doc_id | score | " + " | ".join(FEATURES) + " |"
    rows = [f"| {c.doc_id} | {logit:.2f} | "
            + " | ".join(f"{c.features[name]:.2f}" for name in FEATURES) + " |"
            for c, logit in zip(ranking.candidates, ranking.logits, strict=True)]
    return "\n".join([
        f"**Générateur (generator)** : `{generator}` · **décision (decision)** : "
        f"`{resolution.decision.action}` · **probabilité (probability)** : "
        f"**{ranking.probability:.3f}**", "", header,
        "|" + "---|" * (len(FEATURES) + 2), *rows])


def _channel(channel: Channel, *, markdown: bool) -> str:
    value = channel.value
    if markdown and value.startswith(("http://", "https://")):
        value = f"[{value}]({value})"
    hours = f" ({channel.hours})" if channel.hours else ""
    kind = CHANNEL_KINDS[channel.kind]
    label = f"**{channel.label}**" if markdown else channel.label
    return f"{kind} · {label} : {value}{hours}"


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT_CHARS else flat[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"
