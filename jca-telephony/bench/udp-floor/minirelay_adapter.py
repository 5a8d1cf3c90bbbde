#!/usr/bin/env python3
"""run_load.py adapter for minirelay (start it with ./start_minirelay.sh epoll|uring first).
   --relay minirelay_adapter:MiniRelay[:ctlport]
Leg A (caller leg) = first port of the pair: the caller sends to it, the relay forwards out of leg B to the agent;
leg B = second port: the agent sends to it. So caller_dst = legA, agent_dst = legB (like rtpengine's answer/offer)."""
import os, socket

HERE = os.path.dirname(os.path.abspath(__file__))


class MiniRelay:
    name = "minirelay"

    def __init__(self, arg=None):
        self.addr = ("127.0.0.1", int(arg or 2230))
        self.s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.s.settimeout(2.0)
        self.calls = {}
        try:
            self.name = "minirelay-" + open(os.path.join(HERE, "run", "minirelay.mode")).read().strip()
        except Exception:
            pass

    def cmd(self, text):
        self.s.sendto(text.encode(), self.addr)
        r = self.s.recv(512).decode()
        if not r.startswith("ok"):
            raise RuntimeError("minirelay %r -> %r" % (text, r))
        return r

    def setup_call(self, callid, caller, agent, pts=(8, 101)):
        r = self.cmd("alloc %s %d %s %d" % (caller[0], caller[1], agent[0], agent[1])).split()
        pa, pb = int(r[1]), int(r[2])
        self.calls[callid] = pa
        return ("127.0.0.1", pa), ("127.0.0.1", pb)

    def block_dtmf(self, callid, mode, **opts):
        raise NotImplementedError

    def delete_call(self, callid):
        pa = self.calls.pop(callid, None)
        if pa is not None:
            self.cmd("del %d" % pa)

    def stats(self):
        self.s.sendto(b"stats", self.addr)
        return self.s.recv(512).decode()

    def pids(self):
        try:
            return [int(open(os.path.join(HERE, "run", "minirelay.bgpid")).read())]
        except Exception:
            return []


if __name__ == "__main__":
    print(MiniRelay().stats())
