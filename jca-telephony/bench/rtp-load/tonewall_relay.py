#!/usr/bin/env python3
"""Relay adapters for ../shared/tools/rtp-load (see its relays.py for the interface), copied beside
it at run time by bench-rtp.sh:

  tonewall_relay:TonewallRelay[:sip=5070,control=5071,uas=5072,secure=1]
      Tonewall's RTP relay (io.tonewall.telephony.tool.RelayBenchNode, the production TelephonyNode).
      Every call is set up through Tonewall's SIP side: a small SIP UA here sends an INVITE whose SDP
      points at the generator's caller socket; Tonewall's B2BUA forwards it (request URI passed
      through) to the agent UAS here, which answers with the generator's agent socket in its SDP.
      secure=1 switches secure mode on for every call over the node's control socket (the same
      Call.secureFor the session beans reach through JCA). block_dtmf() also secures (DTMF matrix).
      pairing=1 first allocates a pairing code that is never dialled (control command pairing-code),
      so every unpaired call listens for the agent's in-band keys: the normal-mode worst case of a
      contact centre where some agent is always about to pair. The code stays outstanding for the
      node's 15-minute code lifetime, so later runs on the same node listen too: run it last.
  tonewall_relay:RtpengineSecureRelay
      rtpengine set up the one way that blocked DTMF without leaks in the rtp-load README: flags
      'inject DTMF' + 'detect DTMF', block DTMF mode silence with a 100 ms delay buffer, per call.

Loopback only (127.0.0.1). No card data: the calls carry the generator's test payload.
"""
import os, random, re, socket, threading, time
import relays

HERE = os.path.dirname(os.path.abspath(__file__))
LOOP = "127.0.0.1"


def _options(arg, defaults):
    opts = dict(defaults)
    for part in (arg or "").split(","):
        if part:
            k, _, v = part.partition("=")
            if k not in defaults:
                raise ValueError("unknown option %r (known: %s)" % (k, ", ".join(defaults)))
            opts[k] = v
    return opts


def _parse(data):
    """(first line, {lower-case header: [values]}, body) of a SIP message"""
    text = data.decode("utf-8", "replace")
    head, _, body = text.partition("\r\n\r\n")
    lines = head.split("\r\n")
    headers = {}
    for ln in lines[1:]:
        name, _, value = ln.partition(":")
        name = {"v": "via", "f": "from", "t": "to", "i": "call-id", "m": "contact", "l": "content-length",
                "c": "content-type"}.get(name.strip().lower(), name.strip().lower())
        headers.setdefault(name, []).append(value.strip())
    return lines[0], headers, body


def _sdp_port(body):
    m = re.search(r"^m=audio (\d+) ", body, re.M)
    c = re.search(r"^c=IN IP4 (\S+)", body, re.M)
    if not m or not c:
        raise RuntimeError("no audio stream in SDP: %r" % body[:200])
    return c.group(1), int(m.group(1))


def _sdp(port, session):
    return ("v=0\r\no=- %d 1 IN IP4 %s\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\n"
            "m=audio %d RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            "a=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n" % (session, LOOP, LOOP, port))


def _message(first, headers, body=""):
    out = [first] + ["%s: %s" % h for h in headers]
    if body:
        out.append("Content-Type: application/sdp")
    out.append("Content-Length: %d" % len(body.encode()))
    return ("\r\n".join(out) + "\r\n\r\n" + body).encode()


class AgentUas(threading.Thread):
    """The agent: answers Tonewall's INVITE for token T (request URI sip:bench-T@...) with the media
    address registered for T, records the port Tonewall offered, answers BYE and anything else 200."""

    def __init__(self, port):
        super().__init__(daemon=True, name="agent-uas")
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        self.sock.bind((LOOP, port))
        self.port = port
        self.media = {}      # token -> (ip, port) the agent receives on
        self.offered = {}    # token -> (ip, port) Tonewall's agent-side RTP
        self.cond = threading.Condition()

    def run(self):
        while True:
            data, peer = self.sock.recvfrom(65535)
            first, h, body = _parse(data)
            if first.startswith("SIP/2.0"):
                continue
            method, uri = first.split(" ")[0], first.split(" ")[1]
            to = h["to"][0]
            body_out = ""
            if method == "INVITE":
                token = re.match(r"sips?:bench-([^@;>]+)@", uri).group(1)
                with self.cond:
                    self.offered[token] = _sdp_port(body)
                    self.cond.notify_all()
                    media = self.media.get(token)
                if media is None:
                    continue
                body_out = _sdp(media[1], random.getrandbits(31))
                if ";tag=" not in to:
                    to += ";tag=uas%x" % random.getrandbits(32)
            elif method == "ACK":
                continue
            headers = [("Via", v) for v in h["via"]] + [
                ("From", h["from"][0]), ("To", to), ("Call-ID", h["call-id"][0]), ("CSeq", h["cseq"][0]),
                ("Contact", "<sip:agent@%s:%d>" % (LOOP, self.port))]
            self.sock.sendto(_message("SIP/2.0 200 OK", headers, body_out), peer)

    def expect(self, token, media):
        with self.cond:
            self.media[token] = media

    def offered_port(self, token, timeout=5.0):
        with self.cond:
            if not self.cond.wait_for(lambda: token in self.offered, timeout):
                raise RuntimeError("Tonewall's INVITE for call %s never reached the agent" % token)
            return self.offered.pop(token)


class TonewallRelay:
    name = "tonewall"

    def __init__(self, arg=None):
        o = _options(arg, {"sip": "5070", "control": "5071", "uas": "5072", "secure": "0",
                           "pairing": "0"})
        self.sip = (LOOP, int(o["sip"]))
        self.secure_calls = o["secure"] == "1"
        self.pairing = o["pairing"] == "1"
        self.name = ("tonewall-secure" if self.secure_calls
                     else "tonewall-pairing" if self.pairing else "tonewall")
        self.uas = AgentUas(int(o["uas"]))
        self.uas.start()
        self.uac = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.uac.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        self.uac.bind((LOOP, 0))
        self.uac.settimeout(5.0)
        self.control = socket.create_connection((LOOP, int(o["control"])), timeout=10)
        self.control_in = self.control.makefile("r")
        self.dialogs = {}
        self.token = 0
        if self.pairing:
            # a code outstanding (never dialled): every unpaired call listens for the agent's keys
            self._command("pairing-code")

    def _command(self, line):
        self.control.sendall((line + "\n").encode())
        reply = self.control_in.readline().strip()
        if reply != "ok" and not line == "metrics":
            raise RuntimeError("Tonewall control '%s': %s" % (line, reply))
        return reply

    def _request(self, method, callid, uri, cseq, from_tag, to, body=""):
        headers = [("Via", "SIP/2.0/UDP %s:%d;branch=z9hG4bK%x;rport" % (LOOP, self.uac.getsockname()[1], random.getrandbits(48))),
                   ("Max-Forwards", "70"), ("From", "<sip:caller@%s>;tag=%s" % (LOOP, from_tag)), ("To", to),
                   ("Call-ID", callid), ("CSeq", "%d %s" % (cseq, method)),
                   ("Contact", "<sip:caller@%s:%d>" % (LOOP, self.uac.getsockname()[1]))]
        self.uac.sendto(_message("%s %s SIP/2.0" % (method, uri), headers, body), self.sip)

    def _final(self, callid, method):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            first, h, body = _parse(self.uac.recv(65535))
            if not first.startswith("SIP/2.0") or h["call-id"][0] != callid or not h["cseq"][0].endswith(method):
                continue
            code = int(first.split(" ")[1])
            if code >= 200:
                return code, h, body
        raise RuntimeError("no final response to %s %s" % (method, callid))

    def setup_call(self, callid, caller, agent, pts=(8, 101)):
        self.token += 1
        token = "%d-%d" % (os.getpid(), self.token)
        self.uas.expect(token, agent)
        uri = "sip:bench-%s@%s:%d" % (token, LOOP, self.uas.port)
        from_tag = "uac%x" % random.getrandbits(32)
        self._request("INVITE", callid, uri, 1, from_tag, "<%s>" % uri, _sdp(caller[1], random.getrandbits(31)))
        code, h, body = self._final(callid, "INVITE")
        if code != 200:
            raise RuntimeError("INVITE %s answered %d" % (callid, code))
        to = h["to"][0]
        contact = re.search(r"<([^>]+)>", h["contact"][0]).group(1)
        self._request("ACK", callid, contact, 1, from_tag, to)
        self.dialogs[callid] = (contact, from_tag, to)
        caller_dst = _sdp_port(body)
        agent_dst = self.uas.offered_port(token)
        if self.secure_calls:
            self._command("secure " + callid)
        return caller_dst, agent_dst

    def block_dtmf(self, callid, mode, **opts):
        """secure mode for the call; Tonewall has no modes or delay buffers to choose"""
        return self._command("secure " + callid)

    def delete_call(self, callid):
        contact, from_tag, to = self.dialogs.pop(callid)
        self._request("BYE", callid, contact, 2, from_tag, to)
        code, _, _ = self._final(callid, "BYE")
        return {"bye": code}

    def metrics(self):
        return self._command("metrics")

    def pids(self):
        try:
            return [int(open(os.path.join(HERE, "run", "tonewall.pid")).read())]
        except (OSError, ValueError):
            return []


class RtpengineSecureRelay(relays.RtpengineRelay):
    """rtpengine with the only DTMF blocking that passed the leak check (README of rtp-load)"""
    name = "rtpengine-secure"
    FLAGS = ["inject DTMF", "detect DTMF"]

    def __init__(self, arg=None):
        super().__init__(arg)
        self.offer_flags = list(self.FLAGS)
        self.answer_flags = list(self.FLAGS)

    def setup_call(self, callid, caller, agent, pts=(8, 101)):
        dst = super().setup_call(callid, caller, agent, pts)
        self.block_dtmf(callid, "silence", **{"delay-buffer": 100, "flags": list(self.FLAGS)})
        return dst
