from assistant.analyse.segments import MAX_SEGMENTS, segments


def test_each_sentence_is_a_segment_and_a_lone_word_joins_the_next():
    text = "Bonjour. Je voudrais résilier mon bail. Après dimanche je n'aurai plus besoin de rien."
    assert segments(text) == ("Bonjour. Je voudrais résilier mon bail.",
                              "Après dimanche je n'aurai plus besoin de rien.")


def test_a_message_of_one_sentence_is_its_own_segment():
    assert segments("  merci\nok ça  marche? oui ") == ("merci ok ça marche? oui",)
    assert segments("il saigne") == ("il saigne",)


def test_a_long_story_keeps_its_last_sentences():
    text = " ".join(f"Phrase numéro {n} ici." for n in range(20))
    parts = segments(text)
    assert len(parts) == MAX_SEGMENTS and parts[-1] == "Phrase numéro 19 ici."
