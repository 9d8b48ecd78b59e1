#!/usr/bin/env bash
# Builds LOCAL STAND-INS for the public base images the Dockerfile's FROM lines name (today
# eclipse-temurin:17-jdk for the build stage and eclipse-temurin:25-jre for the runtime) and tags
# them with those names in buildah's storage. Only those: the tags are read from the Dockerfile.
# This exists only because the machine this project is developed on cannot reach Docker Hub:
# anywhere with Docker Hub access, skip it and build the Dockerfile as it is.
#
# Each stand-in is a minimal Debian bookworm (debootstrap --variant=minbase, from the Debian
# mirror) plus a JDK copied from this machine (JDK17, JDK25 below, by the tag's version), JAVA_HOME
# and PATH set like the real images. A "jre" tag holds a full JDK here; that is fine for a local
# stand-in.
#
#   scripts/docker-local-base.sh            # every base the Dockerfile's FROM lines need
#   FORCE=1 remakes tags that exist; STORAGE_DRIVER=vfs (default); WORK=/var/tmp/anthropic-base
set -euo pipefail

WORK="${WORK:-/var/tmp/anthropic-base}"
DRIVER="${STORAGE_DRIVER:-vfs}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
BH=(buildah --storage-driver "$DRIVER")

command -v buildah >/dev/null || { echo "needs buildah (apt-get install -y buildah)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install -y debootstrap)" >&2; exit 1; }

mkdir -p "$WORK"
ROOTFS="$WORK/bookworm"
if [ ! -x "$ROOTFS/bin/bash" ]; then
  rm -rf "$ROOTFS"
  debootstrap --variant=minbase bookworm "$ROOTFS" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
  # what the real (Ubuntu-based) temurin images also carry: CA certificates; keep the rootfs lean
  chroot "$ROOTFS" apt-get install -y --no-install-recommends ca-certificates
  chroot "$ROOTFS" apt-get clean
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/*
fi

# make_image TAG JDK_DIR
make_image() {
  local tag="$1" jdk="$2" ctr mnt
  [ -x "$jdk/bin/java" ] || { echo "no JDK at $jdk" >&2; return 1; }
  if [ -z "${FORCE:-}" ] && "${BH[@]}" inspect --type image "$tag" >/dev/null 2>&1; then
    echo "$tag exists (FORCE=1 to remake it)"; return 0
  fi
  ctr="$("${BH[@]}" from scratch)"
  trap '"${BH[@]}" rm "$ctr" >/dev/null 2>&1 || true' EXIT
  "${BH[@]}" copy "$ctr" "$ROOTFS" / >/dev/null
  mnt="$("${BH[@]}" mount "$ctr")"
  mkdir -p "$mnt/opt/java/openjdk"
  # -L: the distribution JDKs are partly symlinks into /etc; dangling ones (src.zip) are skipped
  { tar -C "$jdk" -chf - --ignore-failed-read . 2>/dev/null || true; } | tar -C "$mnt/opt/java/openjdk" -xf -
  [ -x "$mnt/opt/java/openjdk/bin/java" ]
  "${BH[@]}" umount "$ctr" >/dev/null
  "${BH[@]}" config --env JAVA_HOME=/opt/java/openjdk \
    --env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --env LANG=C.UTF-8 --cmd '["jshell"]' "$ctr"
  "${BH[@]}" commit --rm -q "$ctr" "$tag" >/dev/null
  trap - EXIT
  echo "tagged $tag ($jdk)"
}

# The bases the Dockerfile pulls: the image of every FROM line (not a FROM of an earlier stage).
DOCKERFILE="${DOCKERFILE:-$(dirname "$0")/../Dockerfile}"
bases="$(awk 'toupper($1) == "FROM" { img = $2; for (i = 3; i < NF; i++) if (toupper($i) == "AS") stage[tolower($(i + 1))] = 1;
  if (!(tolower(img) in stage)) print img }' "$DOCKERFILE" | sort -u)"
[ -n "$bases" ] || { echo "no FROM line in $DOCKERFILE" >&2; exit 1; }
for base in $bases; do
  case "$base" in
    eclipse-temurin:17-*) make_image "docker.io/library/$base" "$JDK17" ;;
    eclipse-temurin:25-*) make_image "docker.io/library/$base" "$JDK25" ;;
    *) echo "no local stand-in for $base (add its JDK here)" >&2; exit 1 ;;
  esac
done
"${BH[@]}" images
