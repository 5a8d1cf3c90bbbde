#!/bin/sh
# Regenerates Tonewall's IVR prompts: config/ivr-prompts/<lang>/<name>.wav, 8 kHz mono G.711 u-law WAV,
# spoken by espeak-ng and converted by sox. The WAV files are committed: running or testing Tonewall never
# needs espeak-ng. Run from anywhere: config/ivr-prompts/generate.sh   (needs espeak-ng and sox)
# No prompt speaks a digit: prompts never read card data back.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v espeak-ng >/dev/null || { echo "generate.sh: espeak-ng is missing (apt-get install espeak-ng)" >&2; exit 1; }
command -v sox >/dev/null || { echo "generate.sh: sox is missing (apt-get install sox)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# prompt LANG VOICE NAME TEXT
prompt() {
  mkdir -p "$here/$1"
  espeak-ng -v "$2" -s 150 -w "$tmp/raw.wav" "$4"
  # 8 kHz mono, u-law; 100 ms of silence at the end so that a prompt never ends mid-syllable
  sox -q "$tmp/raw.wav" -r 8000 -c 1 -e u-law -b 8 "$here/$1/$3.wav" gain -n -3 pad 0 0.1
}

while IFS='|' read -r lang voice name text; do
  case "$lang" in ''|'#'*) continue ;; esac
  prompt "$lang" "$voice" "$name" "$text"
done < "$here/prompts.txt"

# the bundled languages, read by the adapter
ls -d "$here"/*/ | xargs -n1 basename | sort > "$here/languages.txt"
echo "generate.sh: $(ls "$here"/*/*.wav | wc -l) prompts in $(wc -l < "$here/languages.txt") languages"
