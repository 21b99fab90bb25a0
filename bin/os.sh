#!/bin/sh
# Kernel and limit settings recommended for a host that runs an Apogee (RocketMQ-compatible) broker.
#
#   bin/os.sh            show each setting: current value, recommended value, and whether it would change
#   bin/os.sh --apply    as root: apply the kernel settings now (sysctl -w), persist them in
#                        /etc/sysctl.d/90-apogee.conf, raise the open-file limit in
#                        /etc/security/limits.d/90-apogee.conf, and set the disk I/O scheduler to deadline
#
# Nothing is changed without --apply. The values follow the RocketMQ 4.9 deployment guide: the broker maps
# every CommitLog and ConsumeQueue file into memory (many map areas), must not be swapped out, and keeps
# thousands of files and sockets open.

APPLY=0
case "$1" in
  --apply) APPLY=1 ;;
  ""|--dry-run) ;;
  -h|--help)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "Usage: bin/os.sh [--apply]" >&2
    exit 2
    ;;
esac

if [ "$APPLY" = 1 ] && [ "$(id -u)" != 0 ]; then
  echo "ERROR: bin/os.sh --apply must run as root (it writes /proc/sys and /etc)." >&2
  exit 1
fi

if [ "$(uname -s)" != Linux ]; then
  echo "bin/os.sh only knows Linux kernel settings; nothing to do on $(uname -s)."
  exit 0
fi

SYSCTL_FILE=/etc/sysctl.d/90-apogee.conf
LIMITS_FILE=/etc/security/limits.d/90-apogee.conf
NOFILE=655350
CHANGES=0

# key recommended comment
SETTINGS="
vm.overcommit_memory 1 let_the_broker_map_large_files_without_refusal
vm.min_free_kbytes 5000000 keep_a_free_memory_reserve_so_allocations_do_not_stall
vm.zone_reclaim_mode 0 do_not_reclaim_node-local_memory_before_using_other_NUMA_nodes
vm.max_map_count 655360 one_map_area_per_mapped_CommitLog/ConsumeQueue_file
vm.dirty_background_ratio 50 start_background_writeback_late
vm.dirty_ratio 50 block_writers_only_when_half_of_memory_is_dirty
vm.dirty_writeback_centisecs 360000 rely_on_the_broker's_own_flush_threads
vm.page-cluster 3 swap_read-ahead_of_8_pages
vm.swappiness 10 swap_only_under_real_memory_pressure_(the_tutorial's_value)
"

row() { # key current recommended action comment
  printf '%-28s %-14s %-14s %-10s %s\n' "$1" "$2" "$3" "$4" "$5"
}

echo "Apogee host settings ($( [ "$APPLY" = 1 ] && echo applying || echo "dry run; use --apply as root to change" ))"
row SETTING CURRENT RECOMMENDED ACTION WHY
echo "$SETTINGS" | while read -r key want why; do
  [ -z "$key" ] && continue
  file="/proc/sys/$(echo "$key" | tr . /)"
  if [ ! -r "$file" ]; then
    row "$key" "n/a" "$want" skip "$(echo "$why" | tr _ ' ') (not in this kernel)"
    continue
  fi
  cur=$(cat "$file" 2>/dev/null)
  # min_free_kbytes is capped at 5% of RAM on small hosts.
  if [ "$key" = vm.min_free_kbytes ]; then
    mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
    cap=$((mem_kb / 20))
    [ "$want" -gt "$cap" ] && want=$cap
  fi
  if [ "$cur" = "$want" ]; then
    action=ok
  else
    action=$( [ "$APPLY" = 1 ] && echo applied || echo "would set" )
  fi
  row "$key" "$cur" "$want" "$action" "$(echo "$why" | tr _ ' ')"
  if [ "$APPLY" = 1 ] && [ "$action" = applied ]; then
    sysctl -q -w "$key=$want" >/dev/null || echo "  WARN: sysctl -w $key=$want failed" >&2
  fi
done

cur_nofile=$(ulimit -n)
if [ "$cur_nofile" = unlimited ] || { [ "$cur_nofile" -ge "$NOFILE" ] 2>/dev/null; }; then
  row "nofile (ulimit -n)" "$cur_nofile" "$NOFILE" ok "file descriptors for CommitLog/ConsumeQueue files and sockets"
else
  row "nofile (ulimit -n)" "$cur_nofile" "$NOFILE" "$( [ "$APPLY" = 1 ] && echo applied || echo "would set" )" \
    "file descriptors for CommitLog/ConsumeQueue files and sockets (new logins)"
fi

for sched in /sys/block/*/queue/scheduler; do
  [ -r "$sched" ] || continue
  dev=$(echo "$sched" | cut -d/ -f4)
  case "$dev" in loop*|ram*|zram*|sr*) continue ;; esac
  cur=$(sed 's/.*\[\(.*\)\].*/\1/' "$sched")
  want=deadline
  grep -q mq-deadline "$sched" && want=mq-deadline
  if ! grep -q "$want" "$sched"; then
    row "scheduler $dev" "$cur" "$want" skip "not offered by this kernel"
  elif [ "$cur" = "$want" ]; then
    row "scheduler $dev" "$cur" "$want" ok "fewer latency spikes for sequential CommitLog writes"
  else
    row "scheduler $dev" "$cur" "$want" "$( [ "$APPLY" = 1 ] && echo applied || echo "would set" )" \
      "fewer latency spikes for sequential CommitLog writes"
    [ "$APPLY" = 1 ] && { echo "$want" > "$sched" || echo "  WARN: cannot set $sched" >&2; }
  fi
done

if [ "$APPLY" = 1 ]; then
  {
    echo "# Written by Apogee bin/os.sh --apply"
    echo "$SETTINGS" | while read -r key want why; do
      [ -z "$key" ] && continue
      if [ "$key" = vm.min_free_kbytes ]; then
        mem_kb=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
        [ "$want" -gt $((mem_kb / 20)) ] && want=$((mem_kb / 20))
      fi
      [ -r "/proc/sys/$(echo "$key" | tr . /)" ] && echo "$key = $want"
    done
  } > "$SYSCTL_FILE"
  mkdir -p "$(dirname "$LIMITS_FILE")"
  {
    echo "# Written by Apogee bin/os.sh --apply"
    echo "*    soft nofile $NOFILE"
    echo "*    hard nofile $NOFILE"
    echo "root soft nofile $NOFILE"
    echo "root hard nofile $NOFILE"
  } > "$LIMITS_FILE"
  echo
  echo "Persisted kernel settings in $SYSCTL_FILE and file limits in $LIMITS_FILE (limits apply to new logins)."
else
  echo
  echo "Nothing was changed. Run 'sudo bin/os.sh --apply' to apply and persist these settings."
fi
