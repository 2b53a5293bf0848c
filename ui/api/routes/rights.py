"""Check my rights: the household questionnaire and the rights its answers point to."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, HTTPException, Query

from assistant.rights.check import RightsCheck
from assistant.service import Guichet
from indexing.models import Language
from ui.api.deps import AskQuota, DefaultGuichet
from ui.schemas.requests import RightsCheckIn
from ui.schemas.responses import (
    HouseholdQuestionOut,
    OptionOut,
    RightOut,
    RightsCheckOut,
    RightsQuestionsOut,
)

router = APIRouter(prefix="/api/rights-check")


def _rights(guichet: Guichet) -> RightsCheck:
    if guichet.rights is None:
        raise HTTPException(404, "This deployment's corpus has no rights file (rights.yaml).")
    return guichet.rights


@router.get("/questions", response_model=RightsQuestionsOut)
def questions(guichet: DefaultGuichet,
              language: Annotated[Literal["fr", "nl", "en"], Query()] = "fr") -> RightsQuestionsOut:
    lang = Language(language)
    return RightsQuestionsOut(language=language, questions=[
        HouseholdQuestionOut(id=q.question_id, text=q.text[lang],
                             options=[OptionOut(id=o.option_id, text=o.text[lang])
                                      for o in q.options])
        for q in _rights(guichet).rules.questions])


@router.post("", response_model=RightsCheckOut)
def check(_: AskQuota, guichet: DefaultGuichet,
          body: Annotated[RightsCheckIn, Body()]) -> RightsCheckOut:
    found = _rights(guichet).check(body.answers, Language(body.language))
    return RightsCheckOut(rights=[
        RightOut(doc_id=r.doc_id, title=r.title, why=r.why, url=r.url, where=r.where,
                 documents=list(r.documents)) for r in found])
