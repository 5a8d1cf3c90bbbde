/*
 * Tonewall RTP fast path: the native half of io.tonewall.telephony.relay.NativeFastPath.
 *
 * One instance per relay loop (see "Threads" below for who calls what). It is the
 * loop's readiness source (an epoll set of the loop's sockets, plus an eventfd for wake-ups) and it
 * forwards, without returning to Java, the datagrams of sockets the Java side has put in FORWARD
 * mode: plain RTP from a latched, connected socket to the connected socket of the other leg, with
 * the sequence-number offset Java gives. Anything else on such a socket (RTCP, padding or header
 * extensions, a telephone-event payload type, a datagram that is not RTP) is handed back to Java
 * with the socket switched to JAVA mode, so Java's rules apply to it and to everything after it
 * until Java forwards again. Sockets in JAVA mode are only reported ready; Java reads them.
 *
 * Threads: poll, and the calls that put sockets in and out of FORWARD mode, come from the loop's
 * thread; watch/unwatch may come from any thread (a call released elsewhere), so the socket table
 * is guarded by a mutex that poll holds while it handles a batch (not while it waits). Once unwatch
 * has returned, poll no longer uses that descriptor, and the socket may be closed.
 *
 * The Java side decides what may be forwarded here; secure (masked) media never is. This file only
 * moves bytes and keeps counts. It never logs, and no datagram leaves it except to the socket Java
 * named or to Java itself.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <jni.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#define MODE_UNUSED 0
#define MODE_JAVA 1
#define MODE_FORWARD 2

#define SLOT_BYTES 2048
#define HISTORY_PACKETS 8
#define HISTORY_SLOT 1024
#define WAKE_TOKEN 0xFFFFFFFFu

typedef struct {
  uint16_t length[HISTORY_PACKETS];
  uint8_t data[HISTORY_PACKETS][HISTORY_SLOT];
  int next;
  int count;
} history_t;

typedef struct {
  int fd;
  int mode;
  int out_fd;
  int event_type;
  uint16_t sequence_offset;
  int keep_history;
  history_t *history;
  int64_t received;
  int64_t forwarded;
  int64_t dropped;
} entry_t;

typedef struct {
  pthread_mutex_t lock; /* the socket table: held by poll while it handles a batch, and by every
                           call that reads or changes the table, from whichever thread */
  int epoll_fd;
  int wake_fd;
  int32_t *pending; /* tasks queued for the loop and not yet run: in a direct buffer Java owns */
  entry_t *entries;
  uint32_t capacity;
  struct epoll_event *events;
  int max_events;
} poller_t;

static void throw_io(JNIEnv *env, const char *what, int error) {
  char message[256];
  snprintf(message, sizeof message, "%s: %s", what, strerror(error));
  jclass type = (*env)->FindClass(env, "java/io/IOException");
  if (type != NULL) {
    (*env)->ThrowNew(env, type, message);
  }
}

static void throw_argument(JNIEnv *env, const char *message) {
  jclass type = (*env)->FindClass(env, "java/lang/IllegalArgumentException");
  if (type != NULL) {
    (*env)->ThrowNew(env, type, message);
  }
}

static poller_t *poller(jlong handle) { return (poller_t *)(intptr_t)handle; }

static int ensure_capacity(poller_t *p, uint32_t token) {
  if (token < p->capacity) {
    return 1;
  }
  uint32_t wanted = p->capacity == 0 ? 64 : p->capacity;
  while (wanted <= token) {
    wanted *= 2;
  }
  entry_t *grown = realloc(p->entries, (size_t)wanted * sizeof(entry_t));
  if (grown == NULL) {
    return 0;
  }
  memset(grown + p->capacity, 0, (size_t)(wanted - p->capacity) * sizeof(entry_t));
  for (uint32_t i = p->capacity; i < wanted; i++) {
    grown[i].fd = -1;
    grown[i].out_fd = -1;
    grown[i].event_type = -1;
  }
  p->entries = grown;
  p->capacity = wanted;
  return 1;
}

static entry_t *entry(poller_t *p, jint token) {
  if (token < 0 || (uint32_t)token >= p->capacity) {
    return NULL;
  }
  return &p->entries[token];
}

JNIEXPORT jlong JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_open(JNIEnv *env, jclass type,
                                                                             jint max_events,
                                                                             jobject pending) {
  if (max_events < 1 || max_events > 0xFFFF) {
    throw_argument(env, "max_events must be 1 to 65535");
    return 0;
  }
  int32_t *pending_count = (*env)->GetDirectBufferAddress(env, pending);
  if (pending_count == NULL || (*env)->GetDirectBufferCapacity(env, pending) < 4 ||
      ((uintptr_t)pending_count & 3) != 0) {
    throw_argument(env, "the pending-task count needs an aligned direct buffer of 4 bytes");
    return 0;
  }
  poller_t *p = calloc(1, sizeof(poller_t));
  if (p == NULL) {
    throw_io(env, "no memory for the RTP fast path", ENOMEM);
    return 0;
  }
  pthread_mutex_init(&p->lock, NULL);
  p->events = calloc((size_t)max_events, sizeof(struct epoll_event));
  p->max_events = max_events;
  p->pending = pending_count;
  p->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
  int error = errno;
  p->wake_fd = p->epoll_fd < 0 ? -1 : eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (p->wake_fd >= 0) {
    struct epoll_event wake = {.events = EPOLLIN, .data.u32 = WAKE_TOKEN};
    if (epoll_ctl(p->epoll_fd, EPOLL_CTL_ADD, p->wake_fd, &wake) != 0) {
      error = errno;
      close(p->wake_fd);
      p->wake_fd = -1;
    }
  } else {
    error = errno;
  }
  if (p->events == NULL || p->epoll_fd < 0 || p->wake_fd < 0) {
    if (p->wake_fd >= 0) {
      close(p->wake_fd);
    }
    if (p->epoll_fd >= 0) {
      close(p->epoll_fd);
    }
    free(p->events);
    pthread_mutex_destroy(&p->lock);
    free(p);
    throw_io(env, "could not open the RTP fast path's epoll set", error);
    return 0;
  }
  return (jlong)(intptr_t)p;
}

JNIEXPORT void JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_close(JNIEnv *env, jclass type,
                                                                           jlong handle) {
  poller_t *p = poller(handle);
  if (p == NULL) {
    return;
  }
  for (uint32_t i = 0; i < p->capacity; i++) {
    free(p->entries[i].history);
  }
  free(p->entries);
  free(p->events);
  close(p->wake_fd);
  close(p->epoll_fd);
  pthread_mutex_destroy(&p->lock);
  free(p);
}

JNIEXPORT jint JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_descriptor(JNIEnv *env,
                                                                                jclass type,
                                                                                jobject channel) {
  jclass channel_type = (*env)->GetObjectClass(env, channel);
  jfieldID field = (*env)->GetFieldID(env, channel_type, "fdVal", "I");
  if (field == NULL) {
    return -1; /* NoSuchFieldError pending: the caller turns it into "no fast path" */
  }
  return (*env)->GetIntField(env, channel, field);
}

static void watch_locked(JNIEnv *env, jclass type, jlong handle, jint token, jint fd) {
  poller_t *p = poller(handle);
  if (token < 0 || fd < 0) {
    throw_argument(env, "token and descriptor must not be negative");
    return;
  }
  if (!ensure_capacity(p, (uint32_t)token)) {
    throw_io(env, "no memory for the RTP fast path's socket table", ENOMEM);
    return;
  }
  entry_t *e = &p->entries[token];
  if (e->fd >= 0) {
    throw_argument(env, "token already watched");
    return;
  }
  struct epoll_event interest = {.events = EPOLLIN, .data.u32 = (uint32_t)token};
  if (epoll_ctl(p->epoll_fd, EPOLL_CTL_ADD, fd, &interest) != 0) {
    throw_io(env, "could not watch an RTP socket", errno);
    return;
  }
  history_t *history = e->history;
  memset(e, 0, sizeof *e);
  e->history = history;
  if (history != NULL) {
    history->next = 0;
    history->count = 0;
  }
  e->fd = fd;
  e->mode = MODE_JAVA;
  e->out_fd = -1;
  e->event_type = -1;
}

JNIEXPORT void JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_watch(JNIEnv *env, jclass type, jlong handle, jint token, jint fd) {
  poller_t *p = poller(handle);
  pthread_mutex_lock(&p->lock);
  watch_locked(env, type, handle, token, fd);
  pthread_mutex_unlock(&p->lock);
}

static void unwatch_locked(JNIEnv *env, jclass type, jlong handle, jint token) {
  poller_t *p = poller(handle);
  entry_t *e = entry(p, token);
  if (e == NULL || e->fd < 0) {
    return;
  }
  epoll_ctl(p->epoll_fd, EPOLL_CTL_DEL, e->fd, NULL); /* fails only if already closed: gone anyway */
  int removed = e->fd;
  e->fd = -1;
  e->mode = MODE_UNUSED;
  e->out_fd = -1;
  for (uint32_t i = 0; i < p->capacity; i++) {
    if (p->entries[i].mode == MODE_FORWARD && p->entries[i].out_fd == removed) {
      p->entries[i].mode = MODE_JAVA; /* never send to a descriptor that may be reused */
      p->entries[i].out_fd = -1;
    }
  }
}

JNIEXPORT void JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_unwatch(JNIEnv *env, jclass type, jlong handle, jint token) {
  poller_t *p = poller(handle);
  pthread_mutex_lock(&p->lock);
  unwatch_locked(env, type, handle, token);
  pthread_mutex_unlock(&p->lock);
}

static void forward_locked(JNIEnv *env, jclass type, jlong handle, jint token, jint out_fd, jint event_type, jint sequence_offset, jboolean keep_history) {
  poller_t *p = poller(handle);
  entry_t *e = entry(p, token);
  if (e == NULL || e->fd < 0 || out_fd < 0) {
    throw_argument(env, "forwarding needs a watched socket and a target socket");
    return;
  }
  if (keep_history && e->history == NULL) {
    e->history = calloc(1, sizeof(history_t));
    if (e->history == NULL) {
      throw_io(env, "no memory for the RTP fast path's history", ENOMEM);
      return;
    }
  }
  if (e->history != NULL) {
    e->history->next = 0;
    e->history->count = 0;
  }
  e->out_fd = out_fd;
  e->event_type = event_type;
  e->sequence_offset = (uint16_t)sequence_offset;
  e->keep_history = keep_history ? 1 : 0;
  e->mode = MODE_FORWARD;
}

JNIEXPORT void JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_forward(JNIEnv *env, jclass type, jlong handle, jint token, jint out_fd, jint event_type, jint sequence_offset, jboolean keep_history) {
  poller_t *p = poller(handle);
  pthread_mutex_lock(&p->lock);
  forward_locked(env, type, handle, token, out_fd, event_type, sequence_offset, keep_history);
  pthread_mutex_unlock(&p->lock);
}

static jboolean toJava_locked(JNIEnv *env, jclass type, jlong handle, jint token) {
  entry_t *e = entry(poller(handle), token);
  if (e == NULL || e->mode != MODE_FORWARD) {
    return JNI_FALSE;
  }
  e->mode = MODE_JAVA;
  return JNI_TRUE;
}

JNIEXPORT jboolean JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_toJava(JNIEnv *env, jclass type, jlong handle, jint token) {
  poller_t *p = poller(handle);
  pthread_mutex_lock(&p->lock);
  jboolean result = toJava_locked(env, type, handle, token);
  pthread_mutex_unlock(&p->lock);
  return result;
}

/* Copies the remembered datagrams, oldest first, as [u16 length, big-endian][bytes]..., and forgets
 * them. Returns the bytes written; stops before a datagram that does not fit. */
static jint takeHistory_locked(JNIEnv *env, jclass type, jlong handle, jint token, jobject into) {
  entry_t *e = entry(poller(handle), token);
  if (e == NULL || e->history == NULL) {
    return 0;
  }
  uint8_t *target = (*env)->GetDirectBufferAddress(env, into);
  jlong room = (*env)->GetDirectBufferCapacity(env, into);
  if (target == NULL || room < 0) {
    throw_argument(env, "history needs a direct buffer");
    return 0;
  }
  history_t *h = e->history;
  jlong written = 0;
  int first = (h->next - h->count + HISTORY_PACKETS) % HISTORY_PACKETS;
  for (int i = 0; i < h->count; i++) {
    int slot = (first + i) % HISTORY_PACKETS;
    uint16_t length = h->length[slot];
    if (written + 2 + length > room) {
      break;
    }
    target[written] = (uint8_t)(length >> 8);
    target[written + 1] = (uint8_t)length;
    memcpy(target + written + 2, h->data[slot], length);
    written += 2 + length;
  }
  h->next = 0;
  h->count = 0;
  return (jint)written;
}

JNIEXPORT jint JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_takeHistory(JNIEnv *env, jclass type, jlong handle, jint token, jobject into) {
  poller_t *p = poller(handle);
  pthread_mutex_lock(&p->lock);
  jint result = takeHistory_locked(env, type, handle, token, into);
  pthread_mutex_unlock(&p->lock);
  return result;
}

/* received, forwarded, dropped for each token below `tokens`, three longs per token. */
static void counters_locked(JNIEnv *env, jclass type, jlong handle, jlongArray out) {
  poller_t *p = poller(handle);
  jsize length = (*env)->GetArrayLength(env, out);
  jlong *values = (*env)->GetPrimitiveArrayCritical(env, out, NULL);
  if (values == NULL) {
    return;
  }
  jsize tokens = length / 3;
  for (jsize t = 0; t < tokens; t++) {
    entry_t *e = (uint32_t)t < p->capacity ? &p->entries[t] : NULL;
    values[3 * t] = e == NULL ? 0 : e->received;
    values[3 * t + 1] = e == NULL ? 0 : e->forwarded;
    values[3 * t + 2] = e == NULL ? 0 : e->dropped;
  }
  (*env)->ReleasePrimitiveArrayCritical(env, out, values, 0);
}

JNIEXPORT void JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_counters(JNIEnv *env, jclass type, jlong handle, jlongArray out) {
  poller_t *p = poller(handle);
  pthread_mutex_lock(&p->lock);
  counters_locked(env, type, handle, out);
  pthread_mutex_unlock(&p->lock);
}

JNIEXPORT void JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_wakeup(JNIEnv *env,
                                                                            jclass type,
                                                                            jlong handle) {
  uint64_t one = 1;
  ssize_t ignored = write(poller(handle)->wake_fd, &one, sizeof one);
  (void)ignored; /* EAGAIN: the counter is saturated, so a wake-up is pending anyway */
}

/* Whether a datagram may be forwarded without Java (also: no task pending, and it fits the history
 * where one is kept): RTP version 2, no padding, no header extension,
 * CSRC list inside the datagram, not an RTCP packet type, not the telephone-event payload type. */
static int plain_rtp(const uint8_t *packet, ssize_t length, int event_type) {
  if (length < 12 || (packet[0] & 0xC0) != 0x80 || (packet[0] & 0x30) != 0) {
    return 0;
  }
  if (12 + 4 * (packet[0] & 0x0F) > length) {
    return 0;
  }
  if (packet[1] >= 192 && packet[1] <= 223) {
    return 0;
  }
  return (packet[1] & 0x7F) != event_type;
}

static void remember(history_t *h, const uint8_t *packet, ssize_t length) {
  if (length > HISTORY_SLOT) {
    return;
  }
  h->length[h->next] = (uint16_t)length;
  memcpy(h->data[h->next], packet, (size_t)length);
  h->next = (h->next + 1) % HISTORY_PACKETS;
  if (h->count < HISTORY_PACKETS) {
    h->count++;
  }
}

/*
 * Waits up to timeout_ms (0: no wait) and handles what is ready. For each socket Java must handle,
 * writes its token and -1 into results (Java reads the socket) or its token and a datagram's length
 * (the datagram is in slot i of the slots buffer, SLOT_BYTES each, and the socket is now in JAVA
 * mode). While the pending-task count is not zero, every datagram read goes to Java, after the
 * tasks. Returns (ready sockets << 16) | number of results.
 */
JNIEXPORT jint JNICALL Java_io_tonewall_telephony_relay_NativeFastPath_poll(JNIEnv *env, jclass type,
                                                                          jlong handle,
                                                                          jint timeout_ms,
                                                                          jintArray results,
                                                                          jobject slots) {
  poller_t *p = poller(handle);
  uint8_t *slot_area = (*env)->GetDirectBufferAddress(env, slots);
  jlong slot_bytes = (*env)->GetDirectBufferCapacity(env, slots);
  jsize result_room = (*env)->GetArrayLength(env, results) / 2;
  int max = p->max_events;
  if (slot_area == NULL || slot_bytes / SLOT_BYTES < max || result_room < max) {
    throw_argument(env, "poll needs a direct slot buffer and a result array for max_events");
    return 0;
  }
  int ready = epoll_wait(p->epoll_fd, p->events, max, timeout_ms);
  if (ready < 0) {
    if (errno == EINTR) {
      return 0;
    }
    throw_io(env, "epoll_wait failed in the RTP fast path", errno);
    return 0;
  }
  jint found[2 * ready + 2];
  int count = 0;
  int sockets = 0;
  pthread_mutex_lock(&p->lock);
  for (int i = 0; i < ready; i++) {
    uint32_t token = p->events[i].data.u32;
    if (token == WAKE_TOKEN) {
      uint64_t drained;
      ssize_t ignored = read(p->wake_fd, &drained, sizeof drained);
      (void)ignored;
      continue;
    }
    sockets++;
    if (token >= p->capacity) {
      continue;
    }
    entry_t *e = &p->entries[token];
    if (e->fd < 0) {
      continue;
    }
    if (e->mode != MODE_FORWARD) {
      found[2 * count] = (jint)token;
      found[2 * count + 1] = -1;
      count++;
      continue;
    }
    uint8_t *packet = slot_area + (size_t)count * SLOT_BYTES;
    ssize_t length = recv(e->fd, packet, SLOT_BYTES, 0);
    if (length < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR || errno == ECONNREFUSED) {
        continue;
      }
      e->mode = MODE_JAVA; /* let Java read it and meet the error itself */
      found[2 * count] = (jint)token;
      found[2 * count + 1] = -1;
      count++;
      continue;
    }
    e->received++;
    /* A task queued for the loop (secure mode, say) runs before this datagram is handled; the
     * count is raised before the task is queued, so a datagram read after that goes to Java. */
    if (!plain_rtp(packet, length, e->event_type) ||
        __atomic_load_n(p->pending, __ATOMIC_ACQUIRE) != 0 ||
        (e->keep_history && length > HISTORY_SLOT)) {
      e->mode = MODE_JAVA;
      found[2 * count] = (jint)token;
      found[2 * count + 1] = (jint)length;
      count++;
      continue;
    }
    if (e->keep_history) {
      remember(e->history, packet, length);
    }
    if (e->sequence_offset != 0) {
      uint16_t sequence = (uint16_t)((packet[2] << 8) | packet[3]);
      sequence = (uint16_t)(sequence + e->sequence_offset);
      packet[2] = (uint8_t)(sequence >> 8);
      packet[3] = (uint8_t)sequence;
    }
    if (send(e->out_fd, packet, (size_t)length, 0) == length) {
      e->forwarded++;
    } else {
      e->dropped++;
    }
  }
  pthread_mutex_unlock(&p->lock);
  if (count > 0) {
    (*env)->SetIntArrayRegion(env, results, 0, 2 * count, found);
  }
  return (jint)((sockets << 16) | count);
}
