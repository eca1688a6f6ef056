"""Small generated articles for tests that need many distinct ones."""
from pathlib import Path

CITIES = ["Минске", "Казани", "Томске", "Гродно", "Самаре", "Бресте", "Омске", "Витебске"]


def article_text(number: int) -> str:
    city = CITIES[number % len(CITIES)]
    return (
        f"В {city} открыли школу номер {number}\n\n"
        f"Текст: Иван Петров\n\n"
        f"Новую школу номер {number} открыли в {city} в присутствии главы города и родителей учеников, "
        f"сообщает ТАСС.\n\n"
        f"В здании {number % 40 + 10} классов, спортивный зал и библиотека; строительство заняло два года.\n\n"
        "Последние новости\n\nВ городе прошел фестиваль\n\n14 сентября 2025\nЧитать новость\n"
    )


def write_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"article_{number:05d}.txt"
        path.write_text(article_text(number), encoding="utf-8")
        paths.append(path)
    return paths
