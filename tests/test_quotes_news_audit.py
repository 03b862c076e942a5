"""Attribution patterns found by a hand audit of real news (news_cluster and DUC 2003
articles, read at run time and never copied): each test is an invented sentence of a
pattern that recurred there and that the analyser got wrong."""

from __future__ import annotations

from storyline.models import Quote, SpeakerKind
from test_quotes import quotes_of


def indirect_with(text: str, words: str) -> Quote:
    """The one indirect quote of ``text`` whose words contain ``words``."""
    found = [q for q in quotes_of(text) if not q.direct and words in q.text]
    assert len(found) == 1, [q.text for q in quotes_of(text)]
    return found[0]


def direct_with(text: str, words: str) -> Quote:
    found = [q for q in quotes_of(text) if q.direct and words in q.text]
    assert len(found) == 1, [q.text for q in quotes_of(text)]
    return found[0]


# --------------------------------------------------------------------- pronouns and names


def test_he_skips_a_woman_known_only_by_her_given_name_for_an_untagged_speaker() -> None:
    text = (
        "Change is already happening, Senior Vice President Lisa Lange said this year.\n\n"
        "Whit Honea, co-founder of a parents' website and a father of two boys, said they "
        "rarely attend circuses. They don't go to zoos either, he said.\n\n"
        '"That said, it\'s tough not to take the kids," said Honea, who is also an author.'
    )
    pronoun = indirect_with(text, "go to zoos")
    assert pronoun.speaker == "person:whit honea"
    surname = direct_with(text, "tough not to take")
    assert surname.speaker == "person:whit honea"  # not the organisation "Honea"


def test_she_skips_a_man_known_by_his_given_name() -> None:
    text = (
        "Martin Harris, who was on his way to work, called his mother, Jane, after the "
        "crash. She told the Telegraph that the tram had been going far too fast."
    )
    quote = indirect_with(text, "tram had been going")
    assert quote.speaker == "person:jane"


# --------------------------------------------------------------------- cues the parse hides


def test_description_then_name_between_commas_after_the_quote_names_the_speaker() -> None:
    text = '"It\'s a scene of horror," a local member of parliament, Eric Ciotti, told France Info.'
    assert direct_with(text, "scene of horror").speaker == "person:eric ciotti"


def test_name_then_a_long_description_after_the_quote_names_the_speaker() -> None:
    text = (
        "``It's not enough, nothing could be enough,'' Beatrice Akoth Yongo, a widow with "
        "four young children and another due in December, said in the shade of a tree."
    )
    quote = direct_with(text, "not enough")
    assert quote.speaker_kind is SpeakerKind.NAMED
    assert quote.speaker_text == "Beatrice Akoth Yongo"


def test_quote_below_a_paragraph_ending_in_a_colon_takes_its_speaker() -> None:
    text = (
        "Prime Minister Mark Tolliver spoke to reporters on Friday. Tolliver also said:\n\n"
        '"We have requested an emergency meeting of the Security Council. We will work '
        'closely with other countries."'
    )
    assert direct_with(text, "emergency meeting").speaker == "person:mark tolliver"


def test_cue_less_quote_right_after_reported_speech_continues_its_speaker() -> None:
    text = (
        "Royal Navy veteran Kevin Snow, 57, was one of those injured. He said the tram "
        'failed to slow down. "Usually you feel the brakes, but I didn\'t feel them at all."'
    )
    assert direct_with(text, "feel the brakes").speaker == "person:kevin snow"


# --------------------------------------------------------------------- reported speech


def test_sentence_final_cue_parsed_as_a_conjunct_reports_the_clause_before_it() -> None:
    text = (
        "The talks will focus on the peace process, diplomats said. The two leaders also "
        "will discuss the air embargo on Libya, said the diplomats on condition of anonymity."
    )
    quote = indirect_with(text, "air embargo")
    assert quote.text == "The two leaders also will discuss the air embargo on Libya"
    assert quote.speaker_kind is SpeakerKind.UNNAMED


def test_cue_set_between_commas_reports_the_words_after_it() -> None:
    text = (
        "Pilar Clark loves the local zoo. Already, she said, they're becoming obsolete.\n\n"
        "That year, the institute said, the group was responsible for 6,644 deaths."
    )
    assert indirect_with(text, "becoming obsolete").speaker == "person:pilar clark"
    assert indirect_with(text, "6,644 deaths").text.startswith("the group was")


def test_clause_the_parser_took_for_an_object_of_said_is_reported() -> None:
    text = (
        "Amina Ali told CNN in August that she was held hostage for two years. She said "
        "her desire to see her mother again gave her courage to flee the camp."
    )
    assert indirect_with(text, "her desire").speaker == "person:amina ali"


def test_unnamed_source_in_apposition_is_the_speaker_and_not_part_of_the_words() -> None:
    text = (
        "The 21 were freed before dawn in the town of Banki, a source close to the "
        "negotiations said on condition of anonymity."
    )
    quote = indirect_with(text, "freed before dawn")
    assert quote.text == "The 21 were freed before dawn in the town of Banki"
    assert quote.speaker_text is not None and "source" in quote.speaker_text


def test_who_said_relative_clause_reports_speech() -> None:
    text = (
        "Many parents feel like Laura Marsh, a mother of two, who said earlier this year "
        "that she has no plans to stop taking her kids to zoos."
    )
    assert indirect_with(text, "no plans").speaker == "person:laura marsh"


def test_withheld_negated_and_inferred_speech_is_not_a_quote() -> None:
    text = (
        "Hospital officials, citing privacy laws, declined to say on Sunday whether the "
        "child had been released.\n\n"
        "The indictment does not indicate whether prosecutors have any evidence that he "
        "ordered the bombings.\n\n"
        "Two suitcases filled with explosives were found near the car, suggesting the "
        "blast went off prematurely."
    )
    assert [q.text for q in quotes_of(text)] == []


def test_reported_clause_never_holds_its_own_cue() -> None:
    text = (
        "``These are the priorities of the American people,'' the president said of his "
        "proposals, ``and they must be the priorities of Congress in these last days.''"
    )
    for quote in quotes_of(text):
        assert quote.cue_start is None or not (quote.start <= quote.cue_start < quote.end)


def test_he_continues_the_speaker_named_between_commas_not_an_earlier_subject() -> None:
    text = (
        '"It is chaos," local government chief Christian Estrosi told reporters.\n\n'
        '"It is a scene of horror," a local member of parliament, Eric Ciotti, told France '
        "Info. He said the truck sped along the pavement."
    )
    assert indirect_with(text, "truck sped").speaker == "person:eric ciotti"


def test_cue_less_quote_after_a_sentence_about_one_named_person_is_theirs() -> None:
    text = (
        '"We need a new constitution," said Hirotaka Tezuka.\n\n'
        'Yoshihiro Naito, 77, opposed the idea. "The commitment we have made not to wage '
        'war has kept Japan safe." He plans to vote for an opposition party.'
    )
    assert direct_with(text, "commitment").speaker == "person:yoshihiro naito"


def test_he_continues_a_surname_the_entity_stage_left_untagged() -> None:
    text = (
        '"Test flights usually carry concrete blocks," Elon Musk, chief of the company, '
        "said on Friday.\n\n"
        '"This is a low-energy orbit," the astronomer Phil Plait wrote in a blog post.\n\n'
        "Musk has said there is plenty of risk in the demonstration flight.\n\n"
        '"It will be in deep space for a billion years," he said on Twitter.'
    )
    assert direct_with(text, "deep space").speaker == "person:elon musk"


def test_definite_description_continues_the_organisation_it_names() -> None:
    text = (
        "The gorilla at the Cincinnati Zoo was shot on Saturday. The animal was an "
        "endangered species, and the zoo said it had intended to use him for breeding."
    )
    assert indirect_with(text, "intended to use him").speaker == "organisation:cincinnati zoo"


def test_tweeted_that_reports_speech() -> None:
    text = "One social media user tweeted that her parents thought it was fireworks."
    assert indirect_with(text, "fireworks").speaker_kind is SpeakerKind.UNNAMED


def test_wire_dateline_is_not_part_of_the_reported_words() -> None:
    text = (
        "CAPE TOWN, South Africa (AP) _ Torturers who carried out atrocities need "
        "counseling to ensure they do not repeat their crimes, an expert said Thursday."
    )
    assert indirect_with(text, "need counseling").text.startswith("Torturers")


def test_description_after_a_cue_and_a_clause_holding_a_cue_are_not_reported_speech() -> None:
    text = (
        "``We must start the process of healing our broken land,'' she said, her voice "
        "shaking with emotion.\n\n"
        "``The incident will slow down the plan,'' said Leon Wascinski, head of the "
        "mission, according to Interfax."
    )
    assert [q.direct for q in quotes_of(text)] == [True, True]


def test_the_role_noun_continues_an_unnamed_person_introduced_with_one() -> None:
    text = (
        "Senator Carol Moseley Braun is in a tight race.\n\n"
        "One senior Democratic senator, now in his fourth term, summed up the situation "
        'this way. "When I came here, there were 64 Democratic senators," the senator said.'
    )
    quote = direct_with(text, "64 Democratic senators")
    assert quote.speaker_kind is SpeakerKind.UNNAMED
