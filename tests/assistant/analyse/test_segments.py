from assistant.analyse.segments import MAX_SEGMENTS, segments


def test_the_whole_message_comes_first_then_each_sentence():
    text = "Bonjour. Je voudrais résilier mon bail. Après dimanche je n'aurai plus besoin de rien."
    assert segments(text) == (text, "Je voudrais résilier mon bail.",
                              "Après dimanche je n'aurai plus besoin de rien.")


def test_lines_and_question_marks_cut_sentences_and_one_word_is_no_sentence():
    assert segments("merci\nok ça marche? oui") == ("merci ok ça marche? oui", "ok ça marche?")


def test_a_long_story_keeps_its_last_sentences():
    text = " ".join(f"Phrase numéro {n} ici." for n in range(20))
    parts = segments(text)
    assert len(parts) == MAX_SEGMENTS and parts[-1] == "Phrase numéro 19 ici."
