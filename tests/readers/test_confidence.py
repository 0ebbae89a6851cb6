"""Word confidence (issue 18 item 3): :attr:`Turn.word_confidence` keeps a score from 0 to 1 per word
or none, and follows its words wherever turns are merged, joined into paragraphs or split.

The readers' cases (tests/readers/cases, ``confidence:``) show what each format gives."""

from __future__ import annotations

import json
import math

import pytest

from generator import diarization
from generator.model import ReadError, Turn
from generator.readers import captions, google, whisper
from generator.readers.common import confidence, in_order, merge_turns, word_confidence
from generator.readers.rttm import Segment


def scored(turns: tuple[Turn, ...] | list[Turn]) -> list[list[tuple[str, float | None]]]:
    """Each turn's words beside their scores: a misaligned score shows as the wrong word."""
    return [list(zip(t.text.split(), t.word_confidence, strict=True)) for t in turns]


def test_a_score_that_is_nan_or_out_of_range_is_none_for_that_word_only() -> None:
    turn = Turn("A", "one two three four five", word_confidence=(math.nan, 1.5, -0.1, math.inf, 0.5))
    assert turn.word_confidence == (None, None, None, None, 0.5)
    assert Turn("A", "zero one", word_confidence=(0.0, 1.0)).word_confidence == (0.0, 1.0)


def test_a_turn_without_a_usable_score_keeps_an_empty_tuple() -> None:
    assert Turn("A", "one two").word_confidence == ()
    assert Turn("A", "one two", word_confidence=(None, None)).word_confidence == ()
    assert Turn("A", "one two", word_confidence=(math.nan, 2.0)).word_confidence == ()
    assert Turn("A", "one two three", word_confidence=(0.5, 0.6)).word_confidence == ()  # does not count the words


@pytest.mark.parametrize(("value", "score"), [
    (0.9, 0.9), (1, 1.0), (0, 0.0), ("0.998", 0.998), (None, None), ("NaN", None), ("inf", None), (1.01, None),
    (-0.5, None), (True, None), ("high", None), ([0.5], None), ({"value": 0.5}, None), ("0." + "9" * 50, None),
])
def test_confidence_reads_numbers_and_numeric_strings_from_0_to_1(value: object, score: float | None) -> None:
    assert confidence(value) == score


def test_scores_are_kept_to_the_thousandth_as_shared_floats() -> None:
    assert confidence(0.98267895) == 0.983 and confidence(0.0004) == 0.0
    assert confidence(0.5) is confidence("0.5") is word_confidence("a", [("a", 0.5)])[0]  # 8 bytes a word, not 32


def test_a_nan_or_infinite_score_in_json_is_none_but_a_nan_time_still_refuses_the_file() -> None:
    text = '{"segments": [{"start": 0, "end": 1, "text": "a b", "words": [{"word": "a", "start": 0, "probability": NaN},' \
           ' {"word": "b", "start": 0.5, "score": Infinity, "probability": 0.25}]}]}'
    assert whisper.read(text, "x.json").turns[0].word_confidence == (None, 0.25)
    with pytest.raises(ReadError, match="expected a finite number, found NaN"):
        whisper.read(text.replace('"start": 0.5', '"start": NaN'), "x.json")


def test_a_word_of_the_text_split_by_the_recogniser_takes_its_lowest_spoken_score() -> None:
    words = [("Hello", "0.9"), (",", "0.0"), ("har", 0.4), ("bour", 0.8), ("now", None)]
    assert word_confidence("Hello, harbour now", words) == (0.9, 0.4, None)
    assert word_confidence("Hello, harbour then", words) == ()  # not the same words: none rather than wrong ones
    assert word_confidence("Hello, harbour now", [(w, None) for w, _ in words]) == ()


def test_merged_turns_keep_each_words_score_and_none_for_a_part_without() -> None:
    parts = [Turn("A", "Good morning.", 1.0, word_confidence=(0.9, 0.3)), Turn("A", "Welcome  aboard.", 2.0),
             Turn("A", "Thanks.", 3.0, word_confidence=(0.7,))]
    assert scored(merge_turns(parts)) == [[("Good", 0.9), ("morning.", 0.3), ("Welcome", None), ("aboard.", None),
                                           ("Thanks.", 0.7)]]
    assert merge_turns([Turn("A", "one", 1.0), Turn("A", "two", 2.0)])[0].word_confidence == ()


def test_a_turn_whose_time_goes_backwards_keeps_its_scores() -> None:
    turns, _ = in_order([Turn("A", "late", 10.0), Turn("B", "early words", 2.0, word_confidence=(0.2, 0.8))])
    assert turns[1].start is None and turns[1].word_confidence == (0.2, 0.8)


def test_caption_cues_joined_into_a_paragraph_keep_their_words_scores() -> None:
    cues = [Turn("", "Hello there,", 0.0, 1.0, 1, word_confidence=(0.5, 0.6)), Turn("", "how are you?", 1.0, 2.0, 5)]
    assert scored(captions.paragraphs(cues)) == [[("Hello", 0.5), ("there,", 0.6), ("how", None), ("are", None),
                                                  ("you?", None)]]


def test_a_long_unpunctuated_turn_cut_in_parts_gives_each_part_its_words_scores() -> None:
    words = [f"w{i}" for i in range(captions.MAX_WORDS + 40)]
    scores = tuple(i / 1000 for i in range(len(words)))
    parts = captions.split_unpunctuated([Turn("", " ".join(words), 0.0, None, 1, (), scores)])
    assert len(parts) > 1
    assert [pair for part in scored(parts) for pair in part] == list(zip(words, scores, strict=True))


def test_a_turn_split_by_rttm_speakers_gives_each_piece_its_words_scores() -> None:
    turn = Turn("", "Hello  there. Hi, how are you?", 0.0, 4.0, 3, (0.0, 0.5, 2.0, 2.5, 3.0, 3.5),
                (0.1, 0.2, 0.3, None, 0.5, 0.6))
    out = diarization.assign([turn], [Segment(1, "x", 0.0, 1.9, "A"), Segment(1, "x", 1.9, 4.0, "B")])
    assert scored(out) == [[("Hello", 0.1), ("there.", 0.2)], [("Hi,", 0.3), ("how", None), ("are", 0.5),
                                                                 ("you?", 0.6)]]
    untimed = Turn("", "no word times", 0.0, 2.0, 1, (), (0.4, 0.5, 0.6))
    assert diarization.assign([untimed], [Segment(1, "x", 0.0, 2.0, "A")])[0].word_confidence == (0.4, 0.5, 0.6)


def test_google_words_split_by_speaker_keep_their_scores_and_a_results_confidence_is_not_theirs() -> None:
    words = [{"word": w, "startTime": f"{i}s", "speakerTag": tag, "confidence": score}
             for i, (w, tag, score) in enumerate([("Hi", 1, 0.9), ("there.", 1, 0), ("Hello", 2, 0.4), ("you.", 2, 0.8)])]
    data = {"results": [{"alternatives": [{"transcript": "Hi there. Hello you.", "confidence": 0.91, "words": words}]},
                        {"alternatives": [{"transcript": "Bye.", "confidence": 0.5}]}]}
    turns = google.read(json.dumps(data), "x.json").turns
    assert scored(turns[:2]) == [[("Hi", 0.9), ("there.", None)], [("Hello", 0.4), ("you.", 0.8)]]
    assert turns[2].text == "Bye." and turns[2].word_confidence == ()


def test_googles_running_aggregate_keeps_the_scores_of_the_results_it_replaces() -> None:
    def word(w: str, at: int, tag: int = 0, score: float | None = None) -> dict[str, object]:
        return {"word": w, "startTime": f"{at}s", **({"speakerTag": tag} if tag else {}),
                **({"confidence": score} if score is not None else {})}

    first = [word("Hi", 0, score=0.9), word("there.", 1, score=0.4), word("Hello.", 2, score=0.8)]
    tagged = [word("Hi", 0, 1), word("there.", 1, 1, 0.5), word("Hello.", 2, 2)]  # its own score wins
    data = {"results": [{"alternatives": [{"transcript": "Hi there. Hello.", "words": first}]},
                        {"alternatives": [{"words": tagged}]}]}
    turns = google.read(json.dumps(data), "x.json").turns
    assert scored(turns) == [[("Hi", 0.9), ("there.", 0.5)], [("Hello.", 0.8)]]
