"""Quotes that read well (generator/quotes.py): no greetings, thanks or sign-offs; never cut
inside quotation marks or parentheses; never two speakers. The links, named by time and episode, are checked on a
built person page in tests/test_people.py."""

from __future__ import annotations

import pytest

from generator import quotes
from generator.model import EpisodeTurn, Turn


def placed(text: str, person: str | None = "ann", index: int = 0, start: float | None = None) -> EpisodeTurn:
    return EpisodeTurn(Turn("Ann", text, start), person, f"t{index}", index)


@pytest.mark.parametrize("sentence", [
    "Thank you all, and good night.",
    "Good morning, everybody, and welcome to the White House on this beautiful day.",
    "Thanks for having me on the show, it is really great to be here today.",
    "That’s all for this week, and we will see you next week on the podcast.",
    "I’m your host Mara Quinn, and with me today are two people who study tides.",
    "This episode is brought to you by a company that sells very good mattresses.",
    "And may God bless you all, and may God protect our troops at home and abroad.",
])
def test_greetings_thanks_and_sign_offs_score_zero(sentence: str) -> None:
    assert quotes.courtesy(sentence)
    assert quotes.score(sentence) == 0


@pytest.mark.parametrize("sentence", [
    "Thanks to the new law, three million homes got clean water in 2023 alone.",
    "The night shift at the plant was good for nobody, and we said so in writing.",
    "We will see a warmer ocean next year, and the fishermen already know it.",
    "We have a sacred obligation to take care of our veterans and their families.",
    "I am proud to sponsor a bill that caps the price of insulin at 35 dollars.",
    "Millions of people subscribe to the idea that the climate will sort itself out.",
])
def test_substantive_sentences_with_courtesy_words_nearby_still_score(sentence: str) -> None:
    assert not quotes.courtesy(sentence)
    assert quotes.score(sentence) > 0


@pytest.mark.parametrize(("sentence", "polite"), [
    ("Take care.", True), ("Thanks, Jerod.", True), ("Hey, everyone, hi.", True), ("Cheers!", True),
    ("Take care of the boats first, then.", False), ("Hey, the cache was cold, so it failed.", False),
])
def test_short_courtesy_is_told_by_its_opening(sentence: str, polite: bool) -> None:
    assert quotes.courtesy(sentence) is polite


def test_a_sign_off_is_never_the_fallback() -> None:
    # Nothing scores here, and the longest sentence is thanks: the short plain line stands in.
    turns = (placed("Thank you all so very much, and good night to everyone here.", index=0),
             placed("We did it.", index=1))
    assert [q.text for q in quotes.pick(turns)] == ["We did it."]
    assert quotes.pick((placed("Thank you. Good night, everybody."),)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("He used to say, “have a little bit of breathing room. Then rest.” We never did.",
     ["He used to say, “have a little bit of breathing room. Then rest.”", "We never did."]),
    ('She said "Go home. Now." And we went.', ['She said "Go home. Now."', "And we went."]),
    ("The sign read ‘Closed. Ask inside.’ So we asked.", ["The sign read ‘Closed. Ask inside.’", "So we asked."]),
    ("We waited (it was 2019. A cold year.) and then left. Nobody came.",
     ["We waited (it was 2019. A cold year.) and then left.", "Nobody came."]),
    ("I don't know. The '90s were loud. The players' union agreed. Done.",
     ["I don't know.", "The '90s were loud.", "The players' union agreed.", "Done."]),
    ("He wrote “It ends. Never closed. So it goes.", ["He wrote “It ends.", "Never closed.", "So it goes."]),
])
def test_sentences_never_split_inside_quotations_or_parentheses(text: str, expected: list[str]) -> None:
    assert quotes.sentences(text) == expected
    assert quotes.sentences(text, 1) == expected[:1]


def test_a_closing_mark_stays_with_its_sentence() -> None:
    assert quotes.sentences("“Quoted.” Next one.") == ["“Quoted.”", "Next one."]


def test_excerpts_never_end_inside_a_quotation_or_parenthesis() -> None:
    long = "We tried everything that spring, and the harbour master kept saying, “wait " + "and wait " * 40 + "”."
    cut = quotes.excerpt(long)
    assert cut == "We tried everything that spring, and the harbour master kept saying…"
    assert not quotes.open_at_end(cut)
    assert quotes.excerpt("So (" + "very " * 80 + ") long.") == ""  # too little before it: dropped
    short = "He said, “have a little bit of breathing room."
    assert quotes.excerpt(short) == "" and quotes.score(short) == 0 and not quotes.shown(short)
    assert quotes.excerpt("A plain sentence (with an aside) ends.") == "A plain sentence (with an aside) ends."


def test_a_quote_comes_from_one_turn_even_when_it_quotes_a_dialogue() -> None:
    # No real archive (benchmarks/quotes_review.py) holds two speakers in one turn; a turn that
    # reports a dialogue is still one speaker's words, and each quote is a sentence of one turn.
    turns = (placed("Q: How long did the survey take us? A: Three whole years of measuring tides, every day.", "ann", 0),
             placed("We published the records in 2019 and nobody had done it before us.", "ben", 1))
    picked = quotes.pick(turns, n=2)
    assert [q.turn.person for q in picked] == ["ann", "ben"]
    assert all(q.text in quotes.sentences(q.turn.turn.text) for q in picked)


def test_a_mark_never_closed_within_reach_quotes_nothing() -> None:
    # A stray "(" closed only pages later is not a parenthesis: the sentences between still split.
    text = "It began (so to speak. " + "We kept on going. " * (quotes.REACH // 18 + 5) + "It ended) there."
    found = quotes.sentences(text)
    assert found[0] == "It began (so to speak." and found[-1] == "It ended) there."
    assert quotes.excerpt(found[0]) == "" and quotes.excerpt("We measured the (tide for years") == ""


@pytest.mark.parametrize("limit", [1, 12, 150, 400, 2000])
def test_the_first_sentences_of_a_long_monologue_are_its_first_sentences(limit: int) -> None:
    # Long enough that sentences(text, limit) scans a prefix only; the answer must not change.
    text = ("He said, “Wait. Then go.” I don't know (honestly. Really.) what the '90s meant. " * 40 + "End. ") * 8
    assert quotes.sentences(text, limit) == quotes.sentences(text)[:limit]
