#!/usr/bin/env python3
"""A Taskwright remote agent, standard library only: python3 remote-agent.py PORT SECRET"""
import hashlib, hmac, json, sys, threading, time, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, SECRET = int(sys.argv[1]), sys.argv[2].encode()

def call(task, path, body):  # every callback carries the execution's token
    request = urllib.request.Request(task["callback_url"] + path, json.dumps(body).encode(), {
        "Authorization": "Bearer " + task["callback_token"], "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)

def work(task):
    text = task["input"]["text"]
    call(task, "/progress", {"fraction": 0.5, "message": "counting words"})
    for _ in range(task["input"].get("work_seconds", 0)):  # long work: heartbeat, stop when told
        time.sleep(1)
        if call(task, "/heartbeat", {})["cancel_requested"]:
            return
    call(task, "/artifacts", {"type": "text.stats", "display_name": "Word count", "data": {"words": len(text.split())}})
    call(task, "/complete", {"output": {"upper": text.upper(), "attempt": task["attempt"]}})

class Dispatches(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        signature = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
        genuine = hmac.compare_digest(signature, self.headers.get("X-Taskwright-Signature", ""))
        self.send_response(202 if genuine else 401)
        self.end_headers()
        if genuine:
            threading.Thread(target=work, args=(json.loads(body),)).start()

print("listening on", PORT, flush=True)
ThreadingHTTPServer(("127.0.0.1", PORT), Dispatches).serve_forever()
