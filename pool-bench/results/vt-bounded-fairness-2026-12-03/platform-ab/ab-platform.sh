#!/bin/bash
# A/B on the contended platform case: old simple (5ef8d06), new simple (6131671), raw-hikari; rounds rotate the order.
out=/tmp/ab-platform; mkdir -p $out
NEW=/tmp/cc-6131671/pool-bench/target/modules; OLD=/tmp/oldmods
names=(old-simple new-simple raw-hikari); mods=($OLD $NEW $NEW); cont=(simple simple raw-hikari)
for r in $(seq 1 ${ROUNDS:-8}); do
  for k in 0 1 2; do
    i=$(( (k + r) % 3 ))
    flock /tmp/alberca-heavy.lock java -cp "${mods[$i]}/*" org.openjdk.jmh.Main 'ConnectionCycle.cycle$' -p contestant=${cont[$i]} -p maxPoolSize=4 -t 8 -f 1 -wi 2 -w 1 -i 4 -r 1 \
      -jvmArgs '-Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:-RestrictContended' -rf json -rff $out/r$r-${names[$i]}.json > $out/r$r-${names[$i]}.log 2>&1
  done
done
python3 - <<'PY'
import json,glob,statistics as st
out='/tmp/ab-platform'
res={}
for f in glob.glob(out+'/r*-*.json'):
    r,name=f.split('/')[-1][1:-5].split('-',1)
    res.setdefault(int(r),{})[name]=json.load(open(f))[0]['primaryMetric']['score']
rounds=sorted(res)
for r in rounds: print(r, {k:round(v) for k,v in res[r].items()}, 'old/raw %.2f new/raw %.2f new/old %.2f'%(res[r]['old-simple']/res[r]['raw-hikari'],res[r]['new-simple']/res[r]['raw-hikari'],res[r]['new-simple']/res[r]['old-simple']))
m={k:st.mean(res[r][k] for r in rounds) for k in ['old-simple','new-simple','raw-hikari']}
print('means',{k:round(v) for k,v in m.items()},'old/raw %.3f new/raw %.3f new/old %.3f'%(m['old-simple']/m['raw-hikari'],m['new-simple']/m['raw-hikari'],m['new-simple']/m['old-simple']))
print('median round new/old %.3f'%st.median(res[r]['new-simple']/res[r]['old-simple'] for r in rounds))
PY
