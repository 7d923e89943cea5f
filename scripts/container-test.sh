#!/usr/bin/env bash
# Builds the DeepDash image with Podman and checks it end to end, as a user would run it:
#   1. makes the debian:bookworm-slim base image with debootstrap when it is missing (Docker Hub is not
#      needed: the packages come from this machine's Debian mirror);
#   2. builds the image from the Dockerfile;
#   3. runs it with a published port and a named volume, reads the access token from its start-up lines,
#      waits for /health, and checks: no token -> 401, the process is not root, the HEALTHCHECK says
#      healthy, a 1-epoch CNN run on 2,000 images trains through the API, a digit is predicted with it;
#   4. restarts the container and finds the run again; replaces the container by a new one on the same
#      volume (with a token given by DEEPDASH_TOKEN) and finds the run and its model again;
#   5. prints the measurements and removes what it made (the containers, the volume, the image; the base
#      image stays, as a cache, unless --remove-base).
#
# Needs root (rootful Podman) and apt. Not part of `mvn verify`. Usage:
#   scripts/container-test.sh [--keep] [--remove-base] [--port N] [--train-limit N]
set -euo pipefail
cd "$(dirname "$0")/.."

image=deepdash:container-test
name=deepdash-check
volume=deepdash-check-data
base=debian:bookworm-slim
host_port=17070
train_limit=2000
keep=false
remove_base=false
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=true ;;
    --remove-base) remove_base=true ;;
    --port) host_port="$2"; shift ;;
    --train-limit) train_limit="$2"; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() {
  say "FAIL: $*"
  podman logs --tail 40 "$name" 2>/dev/null || true
  cat "$work/podman.log" 2>/dev/null || true
  exit 1
}
results=()
pass() { results+=("PASS  $*"); say "PASS: $*"; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------- tools
if [ "$(id -u)" != 0 ]; then echo "run as root (rootful podman)" >&2; exit 2; fi
missing=()
for tool in podman runc debootstrap curl jq; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} with apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap curl jq >/dev/null
fi

# Containers here cannot raise their open-files limit to Podman's default, so they keep the host's.
work=$(mktemp -d)
if [ -z "${CONTAINERS_CONF:-}" ]; then
  printf '[containers]\ndefault_ulimits = []\n' > "$work/containers.conf"
  export CONTAINERS_CONF="$work/containers.conf"
fi
run_flags=(--runtime runc --ulimit host)

cleanup() {
  if [ "$keep" = true ]; then
    say "kept: container $name, volume $volume, image $image (--keep)"
  else
    podman rm -f -t 5 "$name" >/dev/null 2>&1 || true
    podman volume rm -f "$volume" >/dev/null 2>&1 || true
    podman rmi -f "$image" >/dev/null 2>&1 || true
    if [ "$remove_base" = true ]; then podman rmi -f "$base" >/dev/null 2>&1 || true; fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# ---------------------------------------------------------------- base image
# What Debian's own slim images do: no docs, man pages or translations, no apt caches kept.
slim_rootfs() {
  local root=$1
  cat > "$root/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
CFG
  cat > "$root/etc/apt/apt.conf.d/docker-clean" <<'CFG'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CFG
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
    "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/*
}

if podman image exists "$base"; then
  say "base image $base exists"
else
  # The mirror this machine's apt uses (deb822 "URIs:" or one-line "deb URL suite"), for bookworm's main.
  sources=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && sources+=("$f")
  done
  mirror=$(awk '/^URIs:/ && $2 ~ /debian\/?$/ { print $2; exit } /^deb / && $3 ~ /^bookworm$/ { print $2; exit }' \
    "${sources[@]}" /dev/null || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  say "making $base with debootstrap from $mirror (a few minutes)"
  started=$(now)
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
  slim_rootfs "$work/rootfs"
  tar -C "$work/rootfs" -c . | podman import --change 'CMD ["bash"]' - "$base" > "$work/import.log" 2>&1 \
    || { cat "$work/import.log"; fail "podman import"; }
  rm -rf "$work/rootfs"
  say "base image made in $(seconds_since "$started") s"
fi

# ---------------------------------------------------------------- build
build_flags=(--isolation=chroot --format docker -t "$image")
if [ -s "$HOME/.m2/settings.xml" ]; then
  # A Maven mirror, if this machine uses one: a build secret, never a layer of the image.
  build_flags+=(--secret "id=maven-settings,src=$HOME/.m2/settings.xml")
fi
# The certificates this machine trusts beyond Debian's (a TLS-intercepting proxy's CA, say): Maven in
# the build stage needs them to reach the registry; a build secret, so they stay out of the image.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  cat /usr/local/share/ca-certificates/*.crt > "$work/extra-ca.pem"
  build_flags+=(--secret "id=ca-certificates,src=$work/extra-ca.pem")
fi
say "building $image"
started=$(now)
if ! podman build "${build_flags[@]}" . > "$work/build.log" 2>&1; then
  tail -30 "$work/build.log"; fail "podman build"
fi
grep -E '^\[[0-9]/[0-9]\] STEP|Forecast for' "$work/build.log" | cut -c1-110 | sed 's/^/    /'
build_seconds=$(seconds_since "$started")
image_bytes=$(podman image inspect --format '{{.Size}}' "$image")
image_mb=$(( image_bytes / 1000000 ))
base_mb=$(( $(podman image inspect --format '{{.Size}}' "$base") / 1000000 ))
pass "image built in ${build_seconds} s: ${image_mb} MB (base ${base_mb} MB)"

# ---------------------------------------------------------------- run
url="http://127.0.0.1:$host_port"
podman rm -f "$name" >/dev/null 2>&1 || true
podman volume rm -f "$volume" >/dev/null 2>&1 || true

# Waits until /health answers 200 through the published port; prints the seconds it took.
wait_for_health() {
  local since=$1 deadline=$(( $(date +%s) + 300 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health")" = 200 ]; do
    [ "$(podman inspect --format '{{.State.Running}}' "$name")" = true ] || fail "container stopped"
    [ "$(date +%s)" -lt "$deadline" ] || fail "/health not 200 after 300 s"
    sleep 0.5
  done
  seconds_since "$since"
}

# The generated token, from the URL the server prints once per start (the newest start's line).
token_from_logs() {
  local t="" deadline=$(( $(date +%s) + 60 ))
  while [ -z "$t" ]; do
    t=$(podman logs "$name" 2>&1 | sed -n 's#.*/?token=\([A-Za-z0-9_-]*\).*#\1#p' | tail -n 1)
    [ -n "$t" ] || { [ "$(date +%s)" -lt "$deadline" ] || fail "no token URL in the logs"; sleep 0.5; }
  done
  echo "$t"
}

api() { # method path [json body]
  local args=(-s -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $token" "$url$2")
  [ $# -lt 3 ] || args+=(-H 'Content-Type: application/json' --data "$3")
  curl "${args[@]}"
}
body() { sed '$d' <<<"$1"; }
status() { tail -n 1 <<<"$1"; }

say "running $image as $name, port $host_port -> 7070, volume $volume -> /data"
started=$(now)
podman run -d --name "$name" "${run_flags[@]}" -p "127.0.0.1:$host_port:7070" -v "$volume:/data" "$image" \
  >/dev/null 2>>"$work/podman.log"
startup_seconds=$(wait_for_health "$started")
pass "/health 200 through the published port, ${startup_seconds} s after podman run"
say "start-up lines:"; podman logs "$name" 2>&1 | grep -E 'DeepDash|token|Data directory' | sed 's/^/    /'
token=$(token_from_logs)
pass "a generated token is printed in the start-up lines (${#token} characters)"

code=$(curl -s -o /dev/null -w '%{http_code}' "$url/api/runs")
[ "$code" = 401 ] || fail "GET /api/runs without a token: expected 401, got $code"
pass "without the token: GET /api/runs -> 401"
# What a browser does with the printed URL: the visit sets the token cookie and redirects.
headers=$(curl -s -D - -o /dev/null "$url/?token=$token")
grep -q '^HTTP/[0-9.]* 303' <<<"$headers" || fail "GET /?token=...: expected 303, got $(head -n 1 <<<"$headers")"
cookie=$(sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' <<<"$headers" | head -n 1)
[ -n "$cookie" ] || fail "GET /?token=... set no cookie"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$url/api/runs")
[ "$code" = 200 ] || fail "GET /api/runs with the cookie: expected 200, got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url/api/runs")
[ "$code" = 200 ] || fail "GET /api/runs with the bearer token: expected 200, got $code"
pass "the printed URL sets the token cookie (303), and the cookie or the bearer token opens GET /api/runs (200)"

uid=$(podman exec "$name" sh -c 'awk "/^Uid:/ { print \$2 }" /proc/1/status')
user=$(podman top "$name" user | tail -n 1 | tr -d ' ')
[ "$uid" != 0 ] || fail "the server runs as root"
pass "the server process runs as uid $uid ($user), not root"

podman healthcheck run "$name" >/dev/null || fail "podman healthcheck run"
health=$(podman inspect --format '{{.State.Health.Status}}' "$name" 2>/dev/null \
  || podman inspect --format '{{.State.Healthcheck.Status}}' "$name")
[ "$health" = healthy ] || fail "health status: $health"
pass "HEALTHCHECK: $health"

# ---------------------------------------------------------------- train and predict
say "training a CNN: 1 epoch on $train_limit images (slow on a busy machine)"
started=$(now)
response=$(api POST /api/runs "{\"model\":\"cnn\",\"epochs\":1,\"trainLimit\":$train_limit}")
[ "$(status "$response")" = 202 ] || fail "POST /api/runs: $(status "$response") $(body "$response")"
run_id=$(body "$response" | jq -r .id)
deadline=$(( $(date +%s) + 1500 ))
while :; do
  run=$(body "$(api GET "/api/runs/$run_id")")
  run_status=$(jq -r .status <<<"$run")
  case "$run_status" in
    completed) break ;;
    queued|running) ;;
    *) fail "run $run_id ended $run_status: $(jq -c '{reason}' <<<"$run")" ;;
  esac
  [ "$(date +%s)" -lt "$deadline" ] || fail "run $run_id still $run_status after 25 min"
  sleep 3
done
train_seconds=$(seconds_since "$started")
test_accuracy=$(jq -r '.test.accuracy' <<<"$run")
epoch_seconds=$(jq -r '.epochs[0].epochSeconds // empty | . * 10 | round / 10' <<<"$run")
pass "run $run_id completed in ${train_seconds} s (epoch ${epoch_seconds:-?} s), test accuracy $test_accuracy on 10,000 images"

digit=$(body "$(api GET /api/mnist/test/0)")
label=$(jq -r .label <<<"$digit")
pixels=$(jq -c '[.pixels[][] / 255]' <<<"$digit")
response=$(api POST /api/predict "{\"pixels\":$pixels,\"run\":\"$run_id\"}")
[ "$(status "$response")" = 200 ] || fail "POST /api/predict: $(status "$response") $(body "$response")"
predicted=$(body "$response" | jq -r .digit)
[ "$(body "$response" | jq -r .run)" = "$run_id" ] || fail "the prediction did not use run $run_id"
pass "predicted MNIST test image 0 (a $label) with run $run_id: $predicted"

# Images go through java.desktop (ImageIO, Java2D) in the jlinked runtime, JPEG through Debian's libjpeg:
# a 112x112 PNG and JPEG of a drawn 7, black on white as the Draw page's canvas sends it.
seven_png='iVBORw0KGgoAAAANSUhEUgAAAHAAAABwCAIAAABJgmMcAAAC+UlEQVR4Xu3QUY7cMBAD0bn/pTdABgmCErMZW5SaVvp9LpZWT72+mtWLf2hzOqhZBzXroGYd1KyDmnVQsw5q1kHNOqhZBzXroGYd1KyDmnVQsw5q1kHN/vegr5e5gPlzj/P6iX+dMPWt9zXn4e+8Ym58KP7OK+bGh+LvvGJufDT+2s/cnL3xhLPw137m5uyNJxyEP/Vj95df5wbl77xibnwo/s4r5saH4u+8Ym58KP7OK6bGz8JsCjfXGT7xFIw34OAWz1fyMZ7CzS2er4RjOYWbu2wfSsZ4Cjd32T4Ui+UUbiY4v5WJ8QYczDF/Lg3jKdzMMX8uCssp3EzzfzEH4yncTPN/MQTLKdw4LPloAsYbcGCy6ru1GE/hxmTVdwuxnMKNz8JPV2E8hRufhZ8uwXIKN1Zrv74f4w04cFv+wE6Mp3DjtvyBbVhO4WaBHW/swXgKNwvseGMDllO4WWPTM6sx3oCDZfa9tA7jKdwss++lRVhO4WalrY+twHgKNyttfcyO5RRuFtv9nhfjDThYr+BJF8ZTuFmv4EkLllO42aLm1XmMp3CzRc2rk1hO4WaXsodnMN6Ag40q376H8RRuNqp8+waWU7jZq/j5qxhP4Wav4ucvYTmFm+3qL/gc4w04qBBxxCcYT+GmQsQR/8RyCjdFUu74HuMp3BRJueMbLKdwUyfolL9hvAEHpbKuGTGewk2prGuA5RRuqsUd9CfGU7ipFnfQbyyncBMg8aY3xhtwkCH1rA9wkyHxLJZTuImReBnjKdzEiLuM5RRuksQdx3gDDsJk3cd4Cjdhgu5jOYWbPEEnMp7CTZ6UE1lO4SZSypWMN+AgVcShjKdwk6r+UJZTuAlWfyvjKdwEK76V5RRushWfy3gDDuJVXsx4Cjfxyi5mOYWbJyg7mvEUbp6g5miWU7h5iJq7GW/AwXPUnM5+Aw6eo/J0VvyF//co9dczZwedd0zNr5CgbwfU/IoKeoYOatZBzTqoWQc166BmHdSsg5p1ULMOavYDAllipcK+t4YAAAAASUVORK5CYII='
seven_jpg='/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCABwAHADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD3+iiigAooooAKKKKACiiigAooooAKKKKACiiigAooooA8/wDib8Tf+Fc/2X/xKP7Q+3+b/wAvPlbNmz/YbOd/t0rz/wD4aa/6lH/ypf8A2qug+OngnxF4x/sH+wNP+2fZftHnfvo49u7y9v32Gc7W6eleQf8ACkviH/0L3/k7b/8AxygDv/8Ahpr/AKlH/wAqX/2qj/hpr/qUf/Kl/wDaq4D/AIUl8Q/+he/8nbf/AOOUf8KS+If/AEL3/k7b/wDxygDv/wDhpr/qUf8Aypf/AGqj/hpr/qUf/Kl/9qrgP+FJfEP/AKF7/wAnbf8A+OUf8KS+If8A0L3/AJO2/wD8coA7/wD4aa/6lH/ypf8A2qj/AIaa/wCpR/8AKl/9qrgP+FJfEP8A6F7/AMnbf/45Wfrfwt8ZeHNHn1bVtG+z2MG3zJftUL7dzBRwrknkgcCgD0S//aTvpns2sfD0dsIrgPcK935gni2sDH/qwVOSCGHQqMggkH0P4cfFyz8fXl5ZzWcGlXUWz7PC96JHuchy21Sqk7QmTjPXtXyRX0P+z94HuLH7V4l1fSPLaaKM6XcTEbtjbxIyrnK5GzDEDKng4Y5APeKKKKACiiigAooooAKKKKACiiigAr5c+PHjlfEPiVNBsJZDYaS7pNkMokuclW4zghQNoOAcl8ZBBr2f4s+OW8D+Dnns5Y11a8fyLMMFbaerSbSeQq98EbmTIINfHlAHWfDnwY3jrxjb6Q0kkVoqNPdyx7dyRLjOMnqWKr0ON2cEA19nwQQ2tvFb28UcMESBI441CqigYAAHAAHGK4f4TeBm8D+DkgvIo11a8fz7wqVbaeix7gOQq9skbmfBINd5QAUUUUAFFFFABRRRQAUUUUAFRzzw2tvLcXEscMESF5JJGCqigZJJPAAHOakrw/4/ePfsGnR+FNKvdt3c/NqHkv8ANHDjiNuON+ckAg7VwQVfkA8c+I3jNvHXjG41dY5IrRUWC0ik27kiXOM4HUsWbqcbsZIArsPgP4GXxD4lfXr+KQ2Gkujw4LKJLnIZecYIUDcRkHJTOQSK8z0PRrzxDrllpFgm+6u5ViTIJC56s2ASFAySccAE19r+FfD1v4U8L6dodq2+O0iCF8EeY5OXfBJxuYscZ4zgcUAbFFFFABRRRQAUUUUAFFFFABRRRQBj+KvENv4U8L6jrl0u+O0iLhMkeY5OETIBxuYqM44zk8V8Ua5rN54h1y91e/ffdXcrSvgkhc9FXJJCgYAGeAAK9M+PHjlfEPiVNBsJZDYaS7pNkMokuclW4zghQNoOAcl8ZBBrj/hz4Mbx14xt9IaSSK0VGnu5Y9u5IlxnGT1LFV6HG7OCAaAPY/gD4C+wadJ4r1Wy23dz8un+cnzRw45kXnjfnAJAO1cglX59wqOCCG1t4re3ijhgiQJHHGoVUUDAAA4AA4xUlABRRRQAUUUUAFFFFABRRRQAVwfxZ8ct4H8HPPZyxrq14/kWYYK209Wk2k8hV74I3MmQQa7ieeG1t5bi4ljhgiQvJJIwVUUDJJJ4AA5zXxh8RvGbeOvGNxq6xyRWiosFpFJt3JEucZwOpYs3U43YyQBQBydfYfwm8DN4H8HJBeRRrq14/n3hUq209Fj3AchV7ZI3M+CQa8Y+A/gZfEPiV9ev4pDYaS6PDgsokuchl5xghQNxGQclM5BIr6joAKKKKACiiigAooooAKKKKACiiigCvf2NvqenXNheR+Za3UTwzJuI3IwIYZHIyCeleCeM/wBnib7alx4PuY/s8j4ltb2U5h3OOUbHKKpyQ3zYTguTivoOigDH8K+Hrfwp4X07Q7Vt8dpEEL4I8xycu+CTjcxY4zxnA4rYoooAKKKKACiiigAooooA/9k='
response=$(api POST /api/predict "{\"image\":\"data:image/png;base64,$seven_png\",\"run\":\"$run_id\"}")
[ "$(status "$response")" = 200 ] || fail "POST /api/predict (PNG): $(status "$response") $(body "$response")"
pass "predicted a drawn 7 sent as a PNG data URL: $(body "$response" | jq -r .digit)"
response=$(api POST /api/images/inspect "{\"image\":\"data:image/jpeg;base64,$seven_jpg\"}")
[ "$(status "$response")" = 200 ] || fail "POST /api/images/inspect (JPEG): $(status "$response") $(body "$response")"
pass "inspected a JPEG: shape $(body "$response" | jq -c .shape)"

# ---------------------------------------------------------------- persistence
say "restarting the container"
started=$(now)
podman restart -t 10 "$name" >/dev/null 2>>"$work/podman.log"
restart_seconds=$(wait_for_health "$started")
old_token=$token
token=$(token_from_logs)
[ "$token" != "$old_token" ] || fail "the restart printed the old token"
[ "$(body "$(api GET "/api/runs/$run_id")" | jq -r .status)" = completed ] || fail "run $run_id lost by the restart"
pass "after a restart (${restart_seconds} s to /health): run $run_id is still there (a new token was printed)"

say "replacing the container by a new one on the same volume, with DEEPDASH_TOKEN given"
podman rm -f -t 10 "$name" >/dev/null 2>>"$work/podman.log"
token=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')
started=$(now)
podman run -d --name "$name" "${run_flags[@]}" -p "127.0.0.1:$host_port:7070" -v "$volume:/data" \
  -e DEEPDASH_TOKEN="$token" "$image" >/dev/null 2>>"$work/podman.log"
wait_for_health "$started" >/dev/null
! podman logs "$name" 2>&1 | grep -q -- "$token" || fail "a token given by DEEPDASH_TOKEN was printed"
[ "$(body "$(api GET "/api/runs/$run_id")" | jq -r .status)" = completed ] || fail "run $run_id lost with the container"
code=$(curl -s -o "$work/model.zip" -w '%{http_code}' -H "Authorization: Bearer $token" "$url/api/runs/$run_id/model")
[ "$code" = 200 ] || fail "GET /api/runs/$run_id/model: $code"
pass "a new container on the same volume finds run $run_id and its model ($(stat -c %s "$work/model.zip") bytes); the given token works and is not printed"

# ---------------------------------------------------------------- summary
echo
echo "DeepDash container check: all passed"
printf '  %s\n' "${results[@]}"
