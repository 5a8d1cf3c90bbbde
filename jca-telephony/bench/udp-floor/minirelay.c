// minirelay: minimal symmetric UDP (RTP) relay, B2BUA-style, for comparing socket-I/O cost:
//   -m epoll : one thread, epoll_wait, per ready socket one recv() + one send() on the peer leg,
//              after a wait that returned events sleep 1 ms (batches wake-ups, like the Java relay)
//   -m uring : one thread, io_uring: one multishot RECVMSG per socket with a provided buffer ring,
//              a SEND SQE on the peer leg per receive completion; each loop iteration is ONE
//              io_uring_enter that submits the queued sends and then waits ~1 ms (timeout) for
//              completions (DEFER_TASKRUN: packets do not wake the thread).
// Each call = 2 legs = 2 UDP sockets on 127.0.0.1 (ports from -b base). A leg's socket starts with the
// "SDP" address given at alloc, learns its party's address from the first packet it receives and is
// then connect()ed to it. Packet on leg A -> sent out of leg B's socket to B's party, and vice versa.
// Control (UDP text on 127.0.0.1:-c port):
//   "alloc <a_ip> <a_port> <b_ip> <b_port>" -> "ok <portA> <portB>"   (A = caller leg, B = agent leg)
//   "del <portA>" -> "ok"      "stats" -> counters
// Build: gcc -O2 -Wall -o minirelay minirelay.c -luring
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <liburing.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    int fd, peer, in_use, learned, port;
    struct sockaddr_in sdp;
    int armed;
} leg_t;

static leg_t *legs;
static int nlegs, maxlegs, base_port = 20000, ctl_port = 2230, ctlfd;
static uint64_t n_rx, n_tx, n_txerr, n_drop, n_loops, n_rearm, n_enobufs;
static volatile sig_atomic_t stop;
static int fixed_files;

static void die(const char *m) { perror(m); exit(1); }

static int open_leg(int port) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    if (fd < 0) die("socket");
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (void *) &a, sizeof a)) { close(fd); return -1; }
    return fd;
}

static void learn(leg_t *l, const struct sockaddr_in *src) {
    if (connect(l->fd, (const void *) src, sizeof *src) == 0) l->learned = 1;
}

static void unlearn(leg_t *l) {
    struct sockaddr un = { .sa_family = AF_UNSPEC };
    connect(l->fd, &un, sizeof un);
    l->learned = 0;
}

/* mode-specific hook when a new leg socket is created (uring: arm the multishot receive) */
static void (*on_new_leg)(int idx);

/* returns text reply */
static void handle_ctl(void) {
    char buf[512], out[256]; struct sockaddr_in from; socklen_t fl;
    for (;;) {
        fl = sizeof from;
        ssize_t r = recvfrom(ctlfd, buf, sizeof buf - 1, MSG_DONTWAIT, (void *) &from, &fl);
        if (r <= 0) return;
        buf[r] = 0;
        char ip1[64], ip2[64]; int p1, p2, pa;
        if (sscanf(buf, "alloc %63s %d %63s %d", ip1, &p1, ip2, &p2) == 4) {
            int i;
            for (i = 0; i < nlegs; i += 2) if (!legs[i].in_use) break;
            if (i == nlegs) {
                if (nlegs + 2 > maxlegs) { snprintf(out, sizeof out, "err full"); goto reply; }
                for (int k = 0; k < 2; k++) {
                    int port = base_port + nlegs + k;
                    int fd = open_leg(port);
                    if (fd < 0) { snprintf(out, sizeof out, "err bind %d", port); goto reply; }
                    legs[nlegs + k] = (leg_t) { .fd = fd, .peer = nlegs + (1 - k), .port = port };
                }
                nlegs += 2;
                on_new_leg(i); on_new_leg(i + 1);
            }
            for (int k = 0; k < 2; k++) {
                leg_t *l = &legs[i + k]; l->in_use = 1;
                if (l->learned) unlearn(l);
                memset(&l->sdp, 0, sizeof l->sdp); l->sdp.sin_family = AF_INET;
                l->sdp.sin_port = htons(k ? p2 : p1); inet_pton(AF_INET, k ? ip2 : ip1, &l->sdp.sin_addr);
            }
            snprintf(out, sizeof out, "ok %d %d", legs[i].port, legs[i + 1].port);
        } else if (sscanf(buf, "del %d", &pa) == 1) {
            int i = pa - base_port;
            if (i < 0 || i + 1 >= nlegs || (i & 1)) { snprintf(out, sizeof out, "err noport"); goto reply; }
            for (int k = 0; k < 2; k++) { legs[i + k].in_use = 0; if (legs[i + k].learned) unlearn(&legs[i + k]); }
            snprintf(out, sizeof out, "ok");
        } else if (!strncmp(buf, "stats", 5)) {
            snprintf(out, sizeof out, "rx %lu tx %lu txerr %lu drop %lu loops %lu rearm %lu enobufs %lu legs %d",
                     (unsigned long) n_rx, (unsigned long) n_tx, (unsigned long) n_txerr, (unsigned long) n_drop,
                     (unsigned long) n_loops, (unsigned long) n_rearm, (unsigned long) n_enobufs, nlegs);
        } else snprintf(out, sizeof out, "err cmd");
    reply:
        sendto(ctlfd, out, strlen(out), 0, (void *) &from, fl);
    }
}

/* ------------------------------------------------------------------ epoll mode */
static int ep;
static void epoll_new_leg(int idx) {
    struct epoll_event ev = { .events = EPOLLIN, .data.u32 = idx };
    if (epoll_ctl(ep, EPOLL_CTL_ADD, legs[idx].fd, &ev)) die("epoll_ctl");
}

static void run_epoll(void) {
    ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.u32 = 0xffffffffu };
    epoll_ctl(ep, EPOLL_CTL_ADD, ctlfd, &ev);
    on_new_leg = epoll_new_leg;
    static struct epoll_event evs[4096];
    static uint8_t buf[2048];
    struct timespec ms1 = { 0, 1000000 };
    while (!stop) {
        int n = epoll_wait(ep, evs, 4096, -1);
        n_loops++;
        for (int e = 0; e < n; e++) {
            uint32_t idx = evs[e].data.u32;
            if (idx == 0xffffffffu) { handle_ctl(); continue; }
            leg_t *l = &legs[idx];
            ssize_t r;
            if (l->learned) r = recv(l->fd, buf, sizeof buf, MSG_DONTWAIT);
            else {
                struct sockaddr_in src; socklen_t sl = sizeof src;
                r = recvfrom(l->fd, buf, sizeof buf, MSG_DONTWAIT, (void *) &src, &sl);
                if (r >= 0 && l->in_use) learn(l, &src);
            }
            if (r < 0) continue;
            n_rx++;
            if (!l->in_use) { n_drop++; continue; }
            leg_t *o = &legs[l->peer];
            ssize_t w = o->learned ? send(o->fd, buf, r, MSG_DONTWAIT)
                                   : sendto(o->fd, buf, r, MSG_DONTWAIT, (void *) &o->sdp, sizeof o->sdp);
            if (w == r) n_tx++; else n_txerr++;
        }
        if (n > 0) nanosleep(&ms1, NULL);
    }
}

/* ------------------------------------------------------------------ io_uring mode */
#define NBUF 8192          /* provided buffers (power of 2) */
#define BUFSZ 2048
#define BGID 7
enum { OP_RECV = 1, OP_SEND = 2, OP_POLL = 3 };
#define UD(op, idx, bid) (((uint64_t) (op) << 56) | ((uint64_t) (bid) << 32) | (uint32_t) (idx))
static struct io_uring ring;
static struct io_uring_buf_ring *br;
static uint8_t *bufs;
static struct msghdr rmsg;     /* template for multishot recvmsg: room for the source address */
static int pending_sqes;

static struct io_uring_sqe *get_sqe(void) {
    struct io_uring_sqe *s = io_uring_get_sqe(&ring);
    if (!s) { io_uring_submit(&ring); pending_sqes = 0; s = io_uring_get_sqe(&ring); }
    pending_sqes++;
    return s;
}

static void arm_recv(int idx) {
    struct io_uring_sqe *s = get_sqe();
    if (fixed_files) { io_uring_prep_recvmsg_multishot(s, idx, &rmsg, 0); s->flags |= IOSQE_FIXED_FILE; }
    else io_uring_prep_recvmsg_multishot(s, legs[idx].fd, &rmsg, 0);
    s->flags |= IOSQE_BUFFER_SELECT;
    s->buf_group = BGID;
    io_uring_sqe_set_data64(s, UD(OP_RECV, idx, 0));
    legs[idx].armed = 1;
}

static void uring_new_leg(int idx) {
    if (fixed_files && io_uring_register_files_update(&ring, idx, &legs[idx].fd, 1) != 1) die("files_update");
    arm_recv(idx);
}

static inline void recycle(int bid) {
    io_uring_buf_ring_add(br, bufs + (size_t) bid * BUFSZ, BUFSZ, bid, io_uring_buf_ring_mask(NBUF), 0);
    io_uring_buf_ring_advance(br, 1);
}

static void run_uring(void) {
    struct io_uring_params p = { 0 };
    p.flags = IORING_SETUP_CQSIZE | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SUBMIT_ALL;
    p.cq_entries = 65536;
    int r = io_uring_queue_init_params(4096, &ring, &p);
    if (r) { errno = -r; die("io_uring_queue_init_params"); }
    /* provided buffer ring */
    size_t rsz = NBUF * sizeof(struct io_uring_buf);
    br = mmap(NULL, rsz, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
    if (br == MAP_FAILED) die("mmap");
    struct io_uring_buf_reg reg = { .ring_addr = (uint64_t) (uintptr_t) br, .ring_entries = NBUF, .bgid = BGID };
    if ((r = io_uring_register_buf_ring(&ring, &reg, 0))) { errno = -r; die("register_buf_ring"); }
    io_uring_buf_ring_init(br);
    bufs = aligned_alloc(4096, (size_t) NBUF * BUFSZ);
    for (int i = 0; i < NBUF; i++) io_uring_buf_ring_add(br, bufs + (size_t) i * BUFSZ, BUFSZ, i, io_uring_buf_ring_mask(NBUF), i);
    io_uring_buf_ring_advance(br, NBUF);
    if (fixed_files && (r = io_uring_register_files_sparse(&ring, maxlegs))) { errno = -r; die("register_files_sparse"); }
    memset(&rmsg, 0, sizeof rmsg);
    rmsg.msg_namelen = sizeof(struct sockaddr_in);
    on_new_leg = uring_new_leg;
    /* control socket: multishot poll */
    struct io_uring_sqe *s = get_sqe();
    io_uring_prep_poll_multishot(s, ctlfd, POLLIN);
    io_uring_sqe_set_data64(s, UD(OP_POLL, 0, 0));
    struct __kernel_timespec ms1 = { 0, 1000000 };
    int busy = 0;
    while (!stop) {
        /* ONE io_uring_enter: submit queued sends/re-arms, then wait. If the last round had work,
         * wait the full 1 ms (min_complete is larger than anything that can arrive in 1 ms, so only
         * the timeout ends the wait; with DEFER_TASKRUN arriving packets do not wake us);
         * if idle, block until the first completion. */
        struct io_uring_cqe *cqe;
        if (busy) r = io_uring_submit_and_wait_timeout(&ring, &cqe, 60000, &ms1, NULL);
        else r = io_uring_submit_and_wait_timeout(&ring, &cqe, 1, NULL, NULL);
        pending_sqes = 0;
        n_loops++;
        unsigned head, cnt = 0;
        io_uring_for_each_cqe(&ring, head, cqe) {
            cnt++;
            uint64_t ud = cqe->user_data;
            int op = ud >> 56, idx = (uint32_t) ud, res = cqe->res;
            if (op == OP_SEND) {
                recycle((ud >> 32) & 0xffffff);
                if (res > 0) n_tx++; else n_txerr++;
                continue;
            }
            if (op == OP_POLL) {
                handle_ctl();
                if (!(cqe->flags & IORING_CQE_F_MORE)) {
                    struct io_uring_sqe *q = get_sqe();
                    io_uring_prep_poll_multishot(q, ctlfd, POLLIN);
                    io_uring_sqe_set_data64(q, UD(OP_POLL, 0, 0));
                }
                continue;
            }
            /* OP_RECV */
            leg_t *l = &legs[idx];
            if (!(cqe->flags & IORING_CQE_F_MORE)) { l->armed = 0; }
            if (res < 0) {
                if (res == -ENOBUFS) n_enobufs++;
                continue;
            }
            if (!(cqe->flags & IORING_CQE_F_BUFFER)) continue;
            int bid = cqe->flags >> IORING_CQE_BUFFER_SHIFT;
            struct io_uring_recvmsg_out *o = io_uring_recvmsg_validate(bufs + (size_t) bid * BUFSZ, res, &rmsg);
            if (!o) { recycle(bid); continue; }
            n_rx++;
            if (!l->in_use) { n_drop++; recycle(bid); continue; }
            if (!l->learned && o->namelen >= sizeof(struct sockaddr_in))
                learn(l, (struct sockaddr_in *) io_uring_recvmsg_name(o));
            void *payload = io_uring_recvmsg_payload(o, &rmsg);
            unsigned plen = io_uring_recvmsg_payload_length(o, res, &rmsg);
            leg_t *peer = &legs[l->peer];
            if (!peer->learned) {   /* not yet latched: synchronous sendto to the SDP address (first packets only) */
                if (sendto(peer->fd, payload, plen, MSG_DONTWAIT, (void *) &peer->sdp, sizeof peer->sdp) == (ssize_t) plen) n_tx++;
                else n_txerr++;
                recycle(bid);
                continue;
            }
            struct io_uring_sqe *q = get_sqe();
            if (fixed_files) { io_uring_prep_send(q, l->peer, payload, plen, 0); q->flags |= IOSQE_FIXED_FILE; }
            else io_uring_prep_send(q, peer->fd, payload, plen, 0);
            io_uring_sqe_set_data64(q, UD(OP_SEND, l->peer, bid));
        }
        io_uring_cq_advance(&ring, cnt);
        for (int i = 0; i < nlegs; i++) if (!legs[i].armed) { n_rearm++; arm_recv(i); }
        busy = cnt > 0;
    }
}

static void onsig(int s) { (void) s; stop = 1; }

int main(int argc, char **argv) {
    const char *mode = "epoll"; int o;
    maxlegs = 4000;
    while ((o = getopt(argc, argv, "m:b:c:n:F")) != -1) {
        switch (o) {
        case 'm': mode = optarg; break; case 'b': base_port = atoi(optarg); break;
        case 'c': ctl_port = atoi(optarg); break; case 'n': maxlegs = 2 * atoi(optarg); break;
        case 'F': fixed_files = 1; break;
        default: fprintf(stderr, "usage: minirelay -m epoll|uring [-b base_port] [-c ctl_port] [-n max_calls] [-F fixed files]\n"); return 2;
        }
    }
    struct rlimit rl = { 1 << 16, 1 << 16 }; setrlimit(RLIMIT_NOFILE, &rl);
    signal(SIGINT, onsig); signal(SIGTERM, onsig);
    legs = calloc(maxlegs, sizeof *legs);
    ctlfd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(ctl_port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ctlfd, (void *) &a, sizeof a)) die("bind ctl");
    fprintf(stderr, "minirelay mode=%s ctl=127.0.0.1:%d ports from %d%s\n", mode, ctl_port, base_port, fixed_files ? " fixed-files" : "");
    if (!strcmp(mode, "epoll")) run_epoll();
    else if (!strcmp(mode, "uring")) run_uring();
    else { fprintf(stderr, "bad mode\n"); return 2; }
    fprintf(stderr, "rx %lu tx %lu txerr %lu drop %lu loops %lu rearm %lu enobufs %lu\n", (unsigned long) n_rx, (unsigned long) n_tx,
            (unsigned long) n_txerr, (unsigned long) n_drop, (unsigned long) n_loops, (unsigned long) n_rearm, (unsigned long) n_enobufs);
    return 0;
}
