"""Writers for the fault test: each thread posts attempts, one at a time, for DURATION seconds.

Every attempt carries its own id, so the acknowledged ones (201) can be looked up afterwards.
Prints one line per answer to stdout: seconds since start, status (or the error's name when no
HTTP answer came), whether Retry-After was sent, and the attempt id for a 201.

    python3 writers.py API ASSIGNMENT_ID TOKEN DURATION WRITERS > answers.txt
"""
import datetime
import json
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

api, assignment, token, duration, writers = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
url = f"{api}/v1/assignments/{assignment}/attempts"
start = time.monotonic()
lock = threading.Lock()


def record(status, retry_after, attempt_id):
    with lock:
        print(f"{time.monotonic() - start:.2f} {status} {retry_after} {attempt_id}", flush=True)


def write():
    while time.monotonic() - start < duration:
        attempt_id = str(uuid.uuid4())
        occurred = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
        body = json.dumps({"id": attempt_id, "occurredAt": occurred, "outcome": "completed"}).encode()
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                record(response.status, "retry-after" if response.headers.get("Retry-After") else "-",
                       attempt_id if response.status == 201 else "-")
        except urllib.error.HTTPError as answer:
            record(answer.code, "retry-after" if answer.headers.get("Retry-After") else "-", "-")
            if answer.code == 503:
                time.sleep(min(float(answer.headers.get("Retry-After") or 1), 1))
        except Exception as failure:  # no HTTP answer at all: the service itself failed
            record(type(failure).__name__, "-", "-")
            time.sleep(0.5)


threads = [threading.Thread(target=write) for _ in range(writers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
