"""Adversarial texts for the language stages: repeated cues, unclosed quotation marks, long runs of
capitalised names, dates, dashed words, long runs of titles and names, and a text with no full stop.
Each is about 150 KB; all of them run through the whole pipeline in a process of their own under a
time limit and a cap on memory. Work that grows with the square of a sentence's or an article's
mentions (as linking names and reading events did: 141 KB of names took 94 s) fails here."""
import json
import resource
import subprocess
import sys

import pytest

SIZE = 150_000
TIME_LIMIT_S = 150
MEMORY_LIMIT = 3 * 1024**3
UNITS = {
    "repeated cues": "Он сказал, что ",
    "unclosed quotes": "Путин заявил: «",
    "capitalised names": "Иван Петров Сидор ",
    "dates": "12 марта 2018 года, ",
    "dashed words": "северо-западный ",
    "titles and names": "Министр обороны России Сергей Шойгу встретился с ",
    "no full stop": "слово ",
    "speech opened at every paragraph": "«Мы готовы к переговорам.\n",
    "heading lines": "Цепная реакция\n",
    "interrupted quotes": "«Да, – сказал он. – ",
    "bare roles": "«Да», – сказал эксперт. ",
}
SCRIPT = """
import json, sys, time
from svodka.pipeline import default_pipeline
from svodka.records import Failure, RawDocument
pipeline = default_pipeline()
seconds = {}
for name, unit in json.loads(sys.argv[1]).items():
    text = "Заголовок статьи\\n\\n" + unit * (%d // len(unit))
    started = time.monotonic()
    result = pipeline.process(RawDocument(source=name, text=text))
    seconds[name] = [round(time.monotonic() - started, 2), type(result).__name__]
print(json.dumps(seconds))
""" % SIZE


def limited():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.mark.slow
def test_adversarial_texts_run_in_bounded_time_and_memory():
    result = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(UNITS, ensure_ascii=False)],
                            capture_output=True, text=True, timeout=TIME_LIMIT_S, preexec_fn=limited)
    assert result.returncode == 0, result.stderr[-3000:]
    seconds = json.loads(result.stdout.splitlines()[-1])
    print("adversarial texts (s, outcome):", seconds)
    assert set(seconds) == set(UNITS)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")
