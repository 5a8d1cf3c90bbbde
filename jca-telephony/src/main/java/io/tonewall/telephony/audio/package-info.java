/**
 * Telephone audio as the media path sees it: G.711 µ-law and A-law companding exact to ITU-T G.711,
 * and reading and writing 8 kHz mono WAV files (16-bit PCM, µ-law, A-law) for offline masking
 * checks and tests. Linear audio is 16-bit signed samples at 8000 samples per second; time is a
 * sample index. Nothing here imports {@code jakarta.*}.
 */
package io.tonewall.telephony.audio;
