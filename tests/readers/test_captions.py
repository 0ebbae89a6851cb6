"""Caption text as paragraphs (generator/readers/captions.py): the paragraph rule, its bound, rolling
captions, plain auto-caption text, and files with speakers left as they were."""

from __future__ import annotations

from generator import readers
from generator.model import Turn
from generator.readers import captions
from generator.readers.cues import scan, turns_of


def _vtt(cues: list[tuple[float, float, str]]) -> str:
    def stamp(t: float) -> str:
        return f"00:{int(t // 60):02d}:{t % 60:06.3f}"
    return "WEBVTT\n\n" + "".join(f"{stamp(a)} --> {stamp(b)}\n{text}\n\n" for a, b, text in cues)


def _read(text: str, name: str = "x.vtt") -> tuple[Turn, ...]:
    return readers.read_bytes(text.encode(), name).turns


def test_two_word_cues_become_paragraphs_of_sentences_with_their_first_cue_time() -> None:
    words = ("The harbour wall is four metres high. " * 30).split()
    cues = [(i * 0.8, i * 0.8 + 0.8, " ".join(words[i * 2:i * 2 + 2])) for i in range(len(words) // 2)]
    turns = _read(_vtt(cues))
    assert len(cues) == 105 and 3 <= len(turns) <= 5  # 210 words: one turn per cue before
    assert all(t.text.endswith(".") for t in turns)  # each ends at a sentence end
    assert all(captions.SENTENCE_WORDS <= len(t.text.split()) < captions.SENTENCE_WORDS + 7 for t in turns[:-1])
    starts = {round(a, 3) for a, _, _ in cues}
    assert all(t.start in starts for t in turns) and turns[0].start == 0.0
    assert " ".join(t.text for t in turns) == " ".join(words)


def test_a_pause_after_a_sentence_ends_a_paragraph_and_a_pause_mid_sentence_does_not() -> None:
    turns = _read(_vtt([(0, 1, "We begin"), (4, 5, "with the budget."), (7.5, 9, "Then the ferry.")]))
    assert [(t.start, t.text) for t in turns] == [(0.0, "We begin with the budget."), (7.5, "Then the ferry.")]


def test_paragraphs_are_bounded_even_without_sentence_ends_or_times() -> None:
    punctuated_but_endless = [Turn("", f"word{i} and more, then", None, None, i) for i in range(100)]
    punctuated_but_endless += [Turn("", f"It ends here{'.' * 1}", None, None, 200 + i) for i in range(60)]
    for turn in captions.paragraphs(punctuated_but_endless):
        assert len(turn.text.split()) <= captions.MAX_WORDS
    unpunctuated = [Turn("", "so we went down to the", float(i), float(i) + 1, i) for i in range(200)]
    out = captions.paragraphs(unpunctuated)
    assert len(out) == 12 and all(len(t.text.split()) <= captions.UNPUNCTUATED_WORDS + 5 for t in out)
    assert [t.start for t in out[:3]] == [0.0, 17.0, 34.0]


def test_unpunctuated_captions_split_at_pauses_once_a_paragraph_has_some_words() -> None:
    cues = [(float(i), i + 1.0, "and then we walked along the") for i in range(5)]  # 30 words
    cues += [(9.0, 10.0, "pier")]  # a 4 s pause before it
    cues += [(10.0, 11.0, "slowly")]
    cues += [(15.0, 16.0, "home")]  # a pause after only two words: no new paragraph
    turns = _read(_vtt(cues))
    assert [t.text.split()[0] for t in turns] == ["and", "pier"]
    assert turns[1].text == "pier slowly home" and turns[1].start == 9.0


def test_a_speaker_labelled_webvtt_is_unchanged() -> None:
    text = _vtt([(0, 2, "<v Sarah>In today's episode, you'll learn"), (2, 4, "<v Sarah>whether you should"),
                 (4, 6, "<v Sarah>have a trailer."), (6.5, 8, "<v Gillian>Hi,"), (8, 9, "<v Gillian>Gillian here."),
                 (12, 13, "<v Sarah>Thanks."), (20, 21, "<v Gillian>Bye.")])
    before = turns_of([(line, start, end, body.strip().split("\n")) for line, start, end, body in scan(text)], True)
    assert _read(text) == before
    assert [t.speaker for t in before] == ["Sarah", "Gillian", "Sarah", "Gillian"]


def test_name_prefixed_srt_keeps_its_turns() -> None:
    text = ("1\n00:00:00,000 --> 00:00:01,000\nTravis: Hi.\n\n2\n00:00:01,000 --> 00:00:02,000\nThanks.\n\n"
            "3\n00:00:05,000 --> 00:00:06,000\nSarah: Hello.\n\n4\n00:00:09,000 --> 00:00:10,000\nBye.\n")
    turns = _read(text, "x.srt")
    assert [(t.speaker, t.text, t.start) for t in turns] == [("Travis", "Hi. Thanks.", 0.0), ("Sarah", "Hello. Bye.", 5.0)]


def test_a_line_repeated_in_ordinary_captions_is_kept() -> None:
    turns = _read(_vtt([(0, 1, "Yeah."), (1, 2, "Yeah."), (2, 3, "I agree."), (3, 4, "I agree.")]))
    assert " ".join(t.text for t in turns) == "Yeah. Yeah. I agree. I agree."


def test_unroll_drops_repeated_lines_and_in_between_cues_only_in_rolling_files() -> None:
    rolling = [(1, 0.0, 2.0, [" ", "one two three"]), (4, 2.0, 2.01, ["one two three", " "]),
               (7, 2.01, 4.0, ["one two three", "four five"]), (10, 4.0, 4.01, ["four five"]),
               (13, 4.01, 6.0, ["four five", "six"])]
    assert captions.unroll(rolling) == [(1, 0.0, 2.0, [" ", "one two three"]), (7, 2.01, 4.0, ["four five"]),
                                        (13, 4.01, 6.0, ["six"])]
    run_on = [(1, 0.0, 1.0, ["alpha beta"]), (4, 1.0, 1.01, ["alpha beta"]), (7, 1.0, 2.0, ["alpha beta gamma"]),
              (10, 2.0, 2.01, ["alpha beta gamma"])]
    assert captions.unroll(run_on) == [(1, 0.0, 1.0, ["alpha beta"]), (7, 1.0, 2.0, ["gamma"])]
    ordinary = [(1, 0.0, 1.0, ["No."]), (4, 1.0, 2.0, ["No."]), (7, 2.0, 3.0, ["Why not?"]), (10, 3, 4, ["Because."]),
                (13, 4.0, 5.0, ["Fine."]), (16, 5.0, 6.0, ["Good."]), (19, 6.0, 7.0, ["Well."])]
    assert captions.unroll(ordinary) == ordinary


def test_plain_auto_caption_text_is_cut_into_bounded_paragraphs() -> None:
    words = [f"w{i}" for i in range(1234)]
    text = "\n".join(" ".join(words[i:i + 7]) for i in range(0, len(words), 7)) + "\n"
    turns = _read(text, "captions.txt")
    assert len(turns) == 13 and all(len(t.text.split()) <= captions.UNPUNCTUATED_WORDS for t in turns)
    assert " ".join(t.text for t in turns) == " ".join(words)


def test_punctuated_or_labelled_text_is_not_cut() -> None:
    prose = " ".join(["The council met on Tuesday and agreed the budget."] * 40)
    assert len(_read(prose + "\n", "notes.md")) == 1
    talk = "Jane Doe: " + " ".join(f"w{i}" for i in range(400)) + "\n\nJohn Roe: Yes.\n"
    assert [t.speaker for t in _read(talk, "talk.md")] == ["Jane Doe", "John Roe"]
