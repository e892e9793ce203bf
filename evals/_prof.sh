rm -rf /tmp/prof && mkdir /tmp/prof
(PORT=18100 OPENAI_API_KEY= EMBEDDING_API_KEY= timeout 3 node --max-semi-space-size=1 --cpu-prof --cpu-prof-dir=/tmp/prof --cpu-prof-interval 100 build/server/server.mjs >/dev/null 2>&1 & sleep 1.5; curl -s localhost:18100/healthz >/dev/null; sleep 0.3; kill -INT %1; wait)
node -e '
const fs=require("fs");const f=fs.readdirSync("/tmp/prof")[0];const p=JSON.parse(fs.readFileSync("/tmp/prof/"+f));
const byId=new Map(p.nodes.map(n=>[n.id,n]));const self=new Map();
const dt=p.timeDeltas;let busy=0;for(let i=0;i<p.samples.length;i++){self.set(p.samples[i],(self.get(p.samples[i])||0)+dt[i]);}
const parent=new Map();for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
const incl=new Map();for(const [id,t] of self){let cur=id;const seen=new Set();if(byId.get(id).callFrame.functionName!=="(idle)")busy+=t;while(cur!==undefined){const n=byId.get(cur);const k=n.callFrame.functionName+" "+n.callFrame.url.split("/").slice(-2).join("/")+":"+n.callFrame.lineNumber;if(!seen.has(k)){seen.add(k);incl.set(k,(incl.get(k)||0)+t);}cur=parent.get(cur);}}
console.log("busy ms",(busy/1000).toFixed(1));
const s=[...incl].sort((a,b)=>b[1]-a[1]).slice(0,Number(process.argv[1]||40));for(const [k,t] of s)console.log((t/1000).toFixed(1).padStart(7),k);
' ${1:-40}
