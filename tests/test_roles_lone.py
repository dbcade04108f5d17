

def test_a_lone_occupation_someone_else_holds_is_not_guessed(models):
    text = ("Памятник Борису Ельцину создал скульптор Георгий Франгулян. Борис Ельцин был первым президентом. "
            "Бориса Ельцина помнят. По словам Бориса Ельцина, это важно. Скульптор выбрал мрамор.")
    _, roles = _roles(models, text)
    assert not any(source == "nearby" for rs in roles.values() for _, source in rs), roles
