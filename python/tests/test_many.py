import threading

import whosaid
from conftest import SAMPLES

TEXTS = [p.read_text(encoding="utf-8") for p in SAMPLES]


def _rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_order_and_threads():
    docs = [{"id": f"d{i}", "text": TEXTS[i % len(TEXTS)] + f"\n\n“Number {i},” Ann Lee said."}
            for i in range(700)]
    one = list(whosaid.extract_many(docs, threads=1))
    two = list(whosaid.extract_many(docs, threads=2))
    default = list(whosaid.extract_many(iter(docs)))
    assert [r["id"] for r in one] == [d["id"] for d in docs]
    assert one == two == default
    for i, r in enumerate(one):
        assert r == whosaid.extract(docs[i]["text"], id=f"d{i}") if i % 97 == 0 else True
        assert any(q["text"] == f"Number {i}," for q in r["quotes"])


def test_string_documents_are_numbered():
    out = list(whosaid.extract_many(["“Hi,” he said.", "Nothing here."]))
    assert [r["id"] for r in out] == ["0", "1"]


def test_streams_lazily():
    pulled = 0

    def gen():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield "“A quotation,” Ann Lee said on Sunday."

    it = whosaid.extract_many(gen(), threads=2)
    first = next(it)
    assert first["quotes"]
    # Two batches at most were read ahead of the first record.
    assert pulled <= 3 * 256
    it.close()


def test_memory_is_flat_on_a_long_generator():
    text = TEXTS[0]

    def gen(n):
        for i in range(n):
            yield {"id": str(i), "text": text}

    it = whosaid.extract_many(gen(12_000), threads=2)
    count = 0
    statements = 0
    for r in it:
        count += 1
        statements += len(r["quotes"])
        if count == 2_000:
            early = _rss_kb()
    late = _rss_kb()
    assert count == 12_000 and statements > 0
    # 10,000 more documents (about 60 MB of text) cost no memory to speak of.
    assert late - early < 40_000, (early, late)


def test_gil_is_released():
    # A Python thread keeps running while a batch is analysed.
    ticks = 0
    stop = threading.Event()

    def tick():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    t = threading.Thread(target=tick)
    t.start()
    try:
        for _ in whosaid.extract_many(TEXTS * 60, threads=1):
            pass
    finally:
        stop.set()
        t.join()
    assert ticks > 1000
