<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DatasetDescriptions</name>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="9"/>
        <source>40 short questions shipped with Throughline; nothing to download.</source>
        <translation>Throughline 自带的 40 个简短问题，无需下载。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="11"/>
        <source>HC3-Chinese open_qa questions, from the hub or --dataset-path.</source>
        <translation>HC3-Chinese 的 open_qa 问题，来自模型仓库或 --dataset-path。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="13"/>
        <source>LongAlpaca-12k instructions (long prompts), from the hub or a local JSON/JSONL file.</source>
        <translation>LongAlpaca-12k 指令（长提示词），来自模型仓库或本地 JSON/JSONL 文件。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="15"/>
        <source>ShareGPT conversations, each sent as one request ending with its last user turn.</source>
        <translation>ShareGPT 对话，每段作为一个请求发送，以最后一轮用户消息结尾。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="17"/>
        <source>A text file: each line a prompt, a JSON array of messages, or a whole request body.</source>
        <translation>文本文件：每行为一条提示词、一个消息 JSON 数组或完整的请求体。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="19"/>
        <source>A text file (--dataset-path): each non-blank line is a prompt.</source>
        <translation>文本文件（--dataset-path）：每个非空行是一条提示词。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="21"/>
        <source>Synthetic prompts of fixed lengths (up to 30k tokens; long: 129k) on /v1/completions.</source>
        <translation>固定长度的合成提示词（最多 3 万 token；long 版 12.9 万），发送到 /v1/completions。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="23"/>
        <source>Random tokens of exact lengths (--min/--max-prompt-length); needs --tokenizer-path.</source>
        <translation>长度精确的随机 token（--min/--max-prompt-length）；需要 --tokenizer-path。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="25"/>
        <source>Texts for an embedding endpoint from --dataset-path (.txt, .jsonl or .json), one or a batch per request.</source>
        <translation>来自 --dataset-path（.txt、.jsonl 或 .json）的嵌入端点文本，每个请求一条或一批。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="28"/>
        <source>Random texts for an embedding endpoint; needs a tokenizer.</source>
        <translation>用于嵌入端点的随机文本；需要分词器。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="30"/>
        <source>Query and documents records for a rerank endpoint, from --dataset-path.</source>
        <translation>来自 --dataset-path 的重排序端点查询与文档记录。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="32"/>
        <source>A random query and documents for a rerank endpoint; needs a tokenizer.</source>
        <translation>用于重排序端点的随机查询与文档；需要分词器。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="34"/>
        <source>Random text plus generated PNG images (--image-*) in one chat message; needs a tokenizer.</source>
        <translation>随机文本加上生成的 PNG 图像（--image-*），放在同一条聊天消息中；需要分词器。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="36"/>
        <source>Flickr8k photos with their captions, from the hub&apos;s WebDataset shard or a local folder.</source>
        <translation>Flickr8k 照片及其描述文字，来自模型仓库的 WebDataset 分片或本地文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="48"/>
        <source>--multi-turn: SWE-smith agentic sessions, from a pre-built JSON or built from trajectories (the hub&apos;s Parquet file, or a local Parquet or JSONL file; the live build needs a tokenizer).</source>
        <translation>--multi-turn：SWE-smith 智能体会话，来自预先构建的 JSON，或由轨迹构建（Hub 上的 Parquet 文件，或本地 Parquet 或 JSONL 文件；现场构建需要分词器）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="41"/>
        <source>--multi-turn: conversations of random-token turns (--min/--max-turns); needs a tokenizer.</source>
        <translation>--multi-turn：由随机 token 轮次组成的对话（--min/--max-turns）；需要分词器。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="38"/>
        <source>Kontext-Bench images with their editing instructions, from the hub&apos;s Parquet files (its test split) or a local Parquet file or folder.</source>
        <translation>Kontext-Bench 图像及其编辑指令，来自模型仓库的 Parquet 文件（其 test 划分）或本地 Parquet 文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="43"/>
        <source>--multi-turn: ShareGPT conversations, one turn per human message, the model&apos;s replies as history.</source>
        <translation>--multi-turn：ShareGPT 对话，每条用户消息为一轮，模型的回复作为历史。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="45"/>
        <source>--multi-turn: a JSONL file (--dataset-path), each line a JSON array of messages, split into turns at assistant messages.</source>
        <translation>--multi-turn：JSONL 文件（--dataset-path），每行为一个消息 JSON 数组，在 assistant 消息处切分为轮次。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="51"/>
        <source>--multi-turn: agentic sessions replayed by their lengths (synthetic turns, tool-call latencies, per-turn max_tokens), from the hub or --dataset-path; needs a tokenizer.</source>
        <translation>--multi-turn：按长度重放的智能体会话（合成轮次、工具调用延迟、每轮 max_tokens），来自 hub 或 --dataset-path；需要分词器。</translation>
    </message>
    <message>
        <location filename="../ui/pages/datasetdescriptions.cpp" line="54"/>
        <source>--open-loop: a production trace (JSONL of body, timestamp, headers) replayed on its own timeline (--dataset-path).</source>
        <translation>--open-loop：生产环境跟踪（包含 body、timestamp、headers 的 JSONL），按其自身时间线重放（--dataset-path）。</translation>
    </message>
</context>
<context>
    <name>ParameterLabel</name>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="12"/>
        <source>API</source>
        <translation>API 类型</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="13"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="14"/>
        <source>API key env</source>
        <translation>API 密钥环境变量</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="15"/>
        <source>Apply chat template</source>
        <translation>应用聊天模板</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="16"/>
        <source>Arrival distribution</source>
        <translation>到达分布</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="17"/>
        <source>Attn implementation</source>
        <translation>注意力实现</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="18"/>
        <source>Burstiness</source>
        <translation>突发度</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="19"/>
        <source>CA cert</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="20"/>
        <source>Confidence level</source>
        <translation>置信水平</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="21"/>
        <source>Connect rate</source>
        <translation>连接速率</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="22"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="23"/>
        <source>Continuous usage</source>
        <translation>持续用量统计</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="24"/>
        <source>Data source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="25"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="26"/>
        <source>Dataset args</source>
        <translation>数据集参数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="27"/>
        <source>Dataset cache</source>
        <translation>数据集缓存</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="28"/>
        <source>Dataset offset</source>
        <translation>数据集偏移</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="29"/>
        <source>Dataset path</source>
        <translation>数据集路径</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="30"/>
        <source>Db commit interval</source>
        <translation>数据库提交间隔</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="31"/>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="32"/>
        <source>Duration</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="33"/>
        <source>Enable progress tracker</source>
        <translation>启用进度跟踪</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="34"/>
        <source>Extra args</source>
        <translation>额外参数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="35"/>
        <source>Frequency penalty</source>
        <translation>频率惩罚</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="36"/>
        <source>Goodput</source>
        <translation>Goodput（有效吞吐）</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="37"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="38"/>
        <source>Image format</source>
        <translation>图像格式</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="39"/>
        <source>Image height</source>
        <translation>图像高度</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="40"/>
        <source>Image num</source>
        <translation>图像数量</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="41"/>
        <source>Image patch size</source>
        <translation>图像分块大小</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="42"/>
        <source>Image width</source>
        <translation>图像宽度</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="43"/>
        <source>In flight task multiplier</source>
        <translation>在途任务倍数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="44"/>
        <source>Insecure</source>
        <translation>不校验证书</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="45"/>
        <source>Local server command</source>
        <translation>本地服务器命令</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="46"/>
        <source>Log every N query</source>
        <translation>每 N 个请求记录一次</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="47"/>
        <source>Logprobs</source>
        <translation>对数概率</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="48"/>
        <source>Max event bytes</source>
        <translation>单事件最大字节数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="49"/>
        <source>Max prompt length</source>
        <translation>最大提示长度</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="50"/>
        <source>Max response bytes</source>
        <translation>最大响应字节数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="51"/>
        <source>Max tokens</source>
        <translation>最大令牌数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="52"/>
        <source>Max turns</source>
        <translation>最大轮数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="53"/>
        <source>Min prompt length</source>
        <translation>最小提示长度</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="54"/>
        <source>Min tokens</source>
        <translation>最小令牌数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="55"/>
        <source>Min turns</source>
        <translation>最小轮数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="56"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="57"/>
        <source>Multi turn</source>
        <translation>多轮对话</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="58"/>
        <source>Multi turn args</source>
        <translation>多轮对话参数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="59"/>
        <source>N choices</source>
        <translation>候选数 N</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="60"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="61"/>
        <source>No outputs</source>
        <translation>不写输出文件</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="62"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="63"/>
        <source>No test connection</source>
        <translation>跳过连接测试</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="64"/>
        <source>No timestamp</source>
        <translation>不加时间戳</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="65"/>
        <source>Num runs</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="66"/>
        <source>Num workers</source>
        <translation>工作线程数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="67"/>
        <source>Number</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="68"/>
        <source>Open loop</source>
        <translation>开环</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="69"/>
        <source>Outputs dir</source>
        <translation>输出目录</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="70"/>
        <source>Parallel</source>
        <translation>并发数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="71"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="72"/>
        <source>Prefix length</source>
        <translation>前缀长度</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="73"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="74"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="75"/>
        <source>Query template</source>
        <translation>请求模板</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="76"/>
        <source>Queue size multiplier</source>
        <translation>队列大小倍数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="77"/>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="78"/>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="79"/>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="80"/>
        <source>SLA auto tune</source>
        <translation>SLA 自动调优</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="81"/>
        <source>SLA fixed parallel</source>
        <translation>SLA 固定并发数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="82"/>
        <source>SLA lower bound</source>
        <translation>SLA 下限</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="83"/>
        <source>SLA num runs</source>
        <translation>SLA 重复次数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="84"/>
        <source>SLA number multiplier</source>
        <translation>SLA 请求数倍数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="85"/>
        <source>SLA params</source>
        <translation>SLA 参数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="86"/>
        <source>SLA upper bound</source>
        <translation>SLA 上限</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="87"/>
        <source>SLA variable</source>
        <translation>SLA 变量</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="88"/>
        <source>Secret headers</source>
        <translation>机密请求头</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="89"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="90"/>
        <source>Sleep interval</source>
        <translation>间隔休眠</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="91"/>
        <source>Stop</source>
        <translation>停止词</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="92"/>
        <source>Stop token ids</source>
        <translation>停止令牌 ID</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="93"/>
        <source>Store bodies</source>
        <translation>保存请求体</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="94"/>
        <source>Stream</source>
        <translation>流式输出</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="95"/>
        <source>Swanlab API key</source>
        <translation>SwanLab API 密钥</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="96"/>
        <source>Swanlab host</source>
        <translation>SwanLab 主机</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="97"/>
        <source>Sweep</source>
        <translation>扫描方式</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="98"/>
        <source>Sweep points</source>
        <translation>扫描点数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="99"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="100"/>
        <source>Tokenize prompt</source>
        <translation>对提示分词</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="101"/>
        <source>Tokenizer path</source>
        <translation>分词器路径</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="102"/>
        <source>Top k</source>
        <translation>Top k</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="103"/>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="104"/>
        <source>Total timeout</source>
        <translation>总超时</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="105"/>
        <source>Transport</source>
        <translation>传输方式</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="106"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="107"/>
        <source>Visualizer</source>
        <translation>可视化工具</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="108"/>
        <source>Wandb API key</source>
        <translation>Wandb API 密钥</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="109"/>
        <source>Warmup num</source>
        <translation>预热请求数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterlabels.cpp" line="110"/>
        <source>Workers</source>
        <translation>工作进程数</translation>
    </message>
</context>
<context>
    <name>RepeatedSweep</name>
    <message numerus="yes">
        <location filename="../ui/charts/repeatedsweep.cpp" line="101"/>
        <source>%1 (mean of %n runs)</source>
        <translation>
            <numerusform>%1（%n 次运行的平均值）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/charts/repeatedsweep.cpp" line="105"/>
        <source>%1% confidence interval</source>
        <translation>%1% 置信区间</translation>
    </message>
</context>
<context>
    <name>Throughline</name>
    <message>
        <location filename="../core/config/parameterdef.h" line="83"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="109"/>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="117"/>
        <source>must be a whole number from %1 to %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="127"/>
        <location filename="../core/config/parameterregistry.cpp" line="305"/>
        <source>must be a finite number</source>
        <translation>必须是有限的数字</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="135"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="169"/>
        <source>must be a list of strings</source>
        <translation>必须是字符串列表</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="427"/>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="439"/>
        <location filename="../core/config/runconfig.cpp" line="516"/>
        <source>nests arrays/objects deeper than %1 levels; flatten it</source>
        <translation>数组/对象嵌套超过 %1 层；请将其展平</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="442"/>
        <source>must be a JSON object, e.g. %1</source>
        <translation>必须是 JSON 对象，例如 %1</translation>
    </message>
    <message>
        <location filename="../core/config/parameterdef.h" line="493"/>
        <source>experiment trackers are not supported; every request is kept in the --project file (export it with &apos;throughline-cli runs export&apos;)</source>
        <translation>不支持实验跟踪器；每个请求都保存在 --project 文件中（可用 &apos;throughline-cli runs export&apos; 导出）</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="16"/>
        <source>Model name sent in the request body (required).</source>
        <translation>在请求体中发送的模型名称（必填）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="17"/>
        <source>The name the server serves the model under (its /v1/models id); it is sent as &quot;model&quot; in every request and names the run by default.</source>
        <translation>服务器提供该模型所用的名称（即其 /v1/models id）；它作为 &quot;model&quot; 随每个请求发送，并默认用作运行的名称。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="31"/>
        <source>API type: openai (chat/completions or completions; default), openai_responses (alias responses), openai_embedding (embedding), openai_rerank (rerank); local/local_vllm aim at 127.0.0.1:--port.</source>
        <translation>API 类型：openai（chat/completions 或 completions；默认）、openai_responses（别名 responses）、openai_embedding（embedding）、openai_rerank（rerank）；local/local_vllm 指向 127.0.0.1:--port。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="35"/>
        <source>Which request and response format is spoken. EvalScope&apos;s local and local_vllm start a model in-process; Throughline starts none and benchmarks whatever serves --port.</source>
        <translation>所使用的请求与响应格式。EvalScope 的 local 和 local_vllm 会在进程内启动模型；Throughline 不启动任何模型，而是对 --port 上提供服务的任何程序进行基准测试。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="42"/>
        <source>Endpoint URL. Without an endpoint suffix the API&apos;s is appended (/chat/completions, /responses, /embeddings, /reranks: EvalScope&apos;s rule).</source>
        <translation>端点 URL。若没有端点后缀，则追加该 API 的后缀（/chat/completions、/responses、/embeddings、/reranks：与 EvalScope 的规则相同）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="45"/>
        <source>The server&apos;s endpoint. Saved configurations keep the URL after the suffix rule, so a run&apos;s benchmark_args.json names the endpoint that was measured.</source>
        <translation>服务器的端点。保存的配置记录应用后缀规则之后的 URL，因此运行的 benchmark_args.json 给出的就是实际测量的端点。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="75"/>
        <source>Sends &apos;Authorization: Bearer KEY&apos;. Masked in saved files; prefer --api-key-env, which keeps the key out of the process list.</source>
        <translation>发送 &apos;Authorization: Bearer KEY&apos;。在保存的文件中会被遮蔽；建议使用 --api-key-env，它能让密钥不出现在进程列表中。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="77"/>
        <source>The bearer token of the endpoint. Saved files and copied commands show ********** instead; a masked key read back is never taken for the key.</source>
        <translation>端点的 bearer 令牌。保存的文件和复制的命令中显示为 **********；读回的遮蔽值绝不会被当作密钥。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="107"/>
        <source>&apos;%1&apos; is not an environment variable name; use letters, digits and _, e.g. --api-key-env MY_SERVER_KEY</source>
        <translation>&apos;%1&apos; 不是环境变量名；请使用字母、数字和 _，例如 --api-key-env MY_SERVER_KEY</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="115"/>
        <source>Extra HTTP headers, split on the first &apos;=&apos;.</source>
        <translation>额外的 HTTP 头，按第一个 &apos;=&apos; 拆分。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="116"/>
        <source>Sent with every request. Names must be HTTP tokens and values must not hold line breaks; the values of Authorization, Proxy-Authorization, api-key, X-Api-Key, of any header whose name contains auth, key, token, secret, password or cookie and of those named by --secret-headers are masked in saved files, and a masked value read back is not sent.</source>
        <translation>随每个请求发送。名称必须是 HTTP 记号，值不得包含换行；Authorization、Proxy-Authorization、api-key、X-Api-Key 的值，名称中含 auth、key、token、secret、password 或 cookie 的任何请求头的值，以及 --secret-headers 所列请求头的值，在保存的文件中都会被遮蔽，读回的遮蔽值不会被发送。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="150"/>
        <source>&apos;%1&apos; is not a header in KEY=VALUE form</source>
        <translation>&apos;%1&apos; 不是 KEY=VALUE 形式的头</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="153"/>
        <source>must be KEY=VALUE headers</source>
        <translation>必须是 KEY=VALUE 形式的头</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="157"/>
        <source>must be an object of header names and values</source>
        <translation>必须是由头名称和值组成的对象</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="167"/>
        <source>&apos;%1&apos; is not a valid header name (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only)</source>
        <translation>&apos;%1&apos; 不是有效的头名称（只能包含字母、数字和 !#$%&amp;&apos;*+-.^_`|~）</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="170"/>
        <source>the value of &apos;%1&apos; holds a line break; give it on one line</source>
        <translation>&apos;%1&apos; 的值包含换行；请写在一行内</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="175"/>
        <source>&apos;%1&apos; frames the request body, which Throughline sets itself; leave it out</source>
        <translation>&apos;%1&apos; 决定请求体的分帧方式，由 Throughline 自行设置；请去掉它</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="183"/>
        <source>Header names (case-insensitive) whose --headers values are credentials although not named like one: masked like Authorization.</source>
        <translation>其 --headers 值是凭据、但名称看不出来的请求头名称（不区分大小写）：像 Authorization 一样被遮蔽。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="186"/>
        <source>Not an EvalScope flag. Headers named like a credential (auth, key, token, secret, password, cookie) are masked anyway; list here the others that carry one. Their values, and URL query items so named, show as ********** in the project file, benchmark_args.json, exports, reports, copied commands and logs, also where a server&apos;s answer echoes them; the headers are still sent. The names are saved with the run, so imports and exports of it mask the same headers.</source>
        <translation>不是 EvalScope 的参数。名称像凭据的请求头（auth、key、token、secret、password、cookie）无论如何都会被遮蔽；在此列出其他携带凭据的请求头。它们的值以及同名的 URL 查询项，在项目文件、benchmark_args.json、导出、报告、复制的命令和日志中都显示为 **********，服务器的回答回显它们时也是如此；这些请求头仍会被发送。这些名称随运行一起保存，因此该运行的导入和导出会遮蔽相同的请求头。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="197"/>
        <source>&apos;%1&apos; is not a header name (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only), e.g. --secret-headers X-Tenant-Id</source>
        <translation>&apos;%1&apos; 不是请求头名称（只能包含字母、数字和 !#$%&amp;&apos;*+-.^_`|~），例如 --secret-headers X-Tenant-Id</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="208"/>
        <source>--api local/local_vllm: the port of the local server Throughline starts (default 8877); the run benchmarks http://127.0.0.1:PORT/v1/chat/completions.</source>
        <translation>--api local/local_vllm：Throughline 启动的本地服务器的端口（默认 8877）；运行对 http://127.0.0.1:PORT/v1/chat/completions 进行基准测试。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="216"/>
        <source>--api local/local_vllm: the server to start as a child process, one shell-quoted line with {model}, {port} and {attn_implementation} filled in (--port PORT is appended when {port} is absent); default: vLLM&apos;s OpenAI server (python3 -m vllm.entrypoints.openai.api_server).</source>
        <translation>--api local/local_vllm：作为子进程启动的服务器，一行 shell 引用格式的命令，其中 {model}、{port} 和 {attn_implementation} 会被填入（不含 {port} 时追加 --port PORT）；默认：vLLM 的 OpenAI 服务器（python3 -m vllm.entrypoints.openai.api_server）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="220"/>
        <source>EvalScope&apos;s local modes start the model themselves; Throughline starts this command, waits for it with the retrying connection test, stops it at the end (SIGTERM, then SIGKILL) and keeps its output in local_server.log in the output folder.</source>
        <translation>EvalScope 的本地模式自行启动模型；Throughline 启动此命令，用带重试的连接测试等待它就绪，在结束时停止它（先 SIGTERM，再 SIGKILL），并将其输出保存在输出文件夹中的 local_server.log 里。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="233"/>
        <source>the command is empty</source>
        <translation>命令为空</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="239"/>
        <source>--api local/local_vllm: attention implementation passed on to the local server ({attn_implementation} in --local-server-command, else --attn-implementation NAME appended to it).</source>
        <translation>--api local/local_vllm：传给本地服务器的注意力实现（--local-server-command 中的 {attn_implementation}，否则向其追加 --attn-implementation NAME）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="248"/>
        <source>Seconds allowed to connect and receive headers.</source>
        <translation>允许用于建立连接并接收响应头的秒数。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="255"/>
        <source>Longest allowed gap between reads, in seconds.</source>
        <translation>两次读取之间允许的最长间隔（秒）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="262"/>
        <source>Seconds allowed per request (default 21600).</source>
        <translation>每个请求允许的秒数（默认 21600）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="266"/>
        <source>Skip the test request before the run.</source>
        <translation>跳过运行前的测试请求。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="267"/>
        <source>By default one request (max_tokens 4) is sent before the sweep, so that a wrong URL, model or key fails in seconds (exit code 3) instead of after a point of failures. While the server is still starting (HTTP 5xx, connection refused) it is sent again every 10 s until --total-timeout, as EvalScope does. Embedding and rerank runs skip it.</source>
        <translation>默认在扫描开始前发送一个请求（max_tokens 4），这样错误的 URL、模型或密钥会在几秒内失败（退出码 3），而不是等到整个测试点都失败之后。服务器仍在启动时（HTTP 5xx、连接被拒绝），该请求每 10 秒重发一次，直到 --total-timeout，与 EvalScope 相同。嵌入和重排序运行会跳过此请求。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="274"/>
        <source>HTTPS without certificate verification (self-signed test servers).</source>
        <translation>不验证证书的 HTTPS（用于自签名的测试服务器）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="281"/>
        <source>Also trust the CA certificates in this PEM file (besides the system&apos;s).</source>
        <translation>除系统的 CA 证书外，还信任此 PEM 文件中的 CA 证书。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="291"/>
        <source>Ignore http_proxy/https_proxy/no_proxy from the environment (used by default, as EvalScope does).</source>
        <translation>忽略环境中的 http_proxy/https_proxy/no_proxy（默认会使用它们，与 EvalScope 相同）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="298"/>
        <source>HTTP client: lean (Throughline&apos;s own HTTP/1.1 on the worker threads&apos; sockets: the least overhead), qt (QNetworkAccessManager: HTTPS and proxies) or auto (default: lean for plain http:// without a proxy, else qt).</source>
        <translation>HTTP 客户端：lean（Throughline 自己的 HTTP/1.1，运行在工作线程的套接字上：开销最小）、qt（QNetworkAccessManager：支持 HTTPS 和代理）或 auto（默认：无代理的普通 http:// 用 lean，否则用 qt）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="15"/>
        <source>Closed loop: maximum requests in flight. Several values make a sweep (one run point each).</source>
        <translation>闭环：同时进行中的最大请求数。给出多个值即构成一次扫描（每个值一个运行点）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="17"/>
        <source>Each value is one run point; a new request starts as soon as one finishes, so at most P are in flight. Give one --number per value.</source>
        <translation>每个值是一个运行点；一个请求完成后立即开始新的请求，因此同时进行中的请求最多为 P 个。每个值对应给出一个 --number。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="27"/>
        <source>Requests per run point; one value per --parallel value.</source>
        <translation>每个运行点的请求数；每个 --parallel 值对应一个值。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="34"/>
        <source>Requests per second within the --parallel cap: Poisson arrivals on an absolute schedule rescaled to last number/rate seconds; -1 = no pacing (default). Only the first value is used in closed loop.</source>
        <translation>在 --parallel 上限内的每秒请求数：按绝对时间表的泊松到达，并缩放为持续 number/rate 秒；-1 = 不限速（默认）。闭环中只使用第一个值。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="50"/>
        <source>Open loop: requests arrive on the --rate schedule (Poisson, rescaled to number/rate seconds) whatever is in flight; --rate becomes the sweep (one --number per --rate) and --parallel is ignored.</source>
        <translation>开环：无论有多少请求正在进行，请求都按 --rate 的时间表到达（泊松，缩放为 number/rate 秒）；--rate 构成扫描（每个 --rate 对应一个 --number），并忽略 --parallel。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="58"/>
        <source>Paced arrivals (with --rate): poisson (default), gamma (shape --burstiness) or constant intervals.</source>
        <translation>限速到达（配合 --rate）：poisson（默认）、gamma（形状为 --burstiness）或 constant 等间隔。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="66"/>
        <source>Gamma shape of the inter-arrival gaps, mean kept at 1/rate (vLLM&apos;s meaning): &lt; 1 burstier, &gt; 1 smoother; a value other than 1 selects gamma arrivals.</source>
        <translation>到达间隔的 Gamma 形状参数，均值保持为 1/rate（与 vLLM 的含义相同）：&lt; 1 更突发，&gt; 1 更平滑；取 1 以外的值即选择 gamma 到达。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="75"/>
        <source>Seconds to wait between sweep points and between --num-runs repetitions (default 5).</source>
        <translation>扫描中各测试点之间以及 --num-runs 各次重复之间等待的秒数（默认 5）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="84"/>
        <source>Warmup requests run in full before each point&apos;s timed phase, at the same load, excluded from every metric (stored flagged). &gt;= 1: a count; between 0 and 1: a ratio of --number (at least 1).</source>
        <translation>预热请求在每个运行点的计时阶段之前以相同负载完整运行，不计入任何指标（存储时带标记）。&gt;= 1：数量；介于 0 和 1 之间：占 --number 的比例（至少 1）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="93"/>
        <source>Seconds per run point (warmup excluded): then no new request starts and in-flight ones finish; whichever of --number and --duration comes first ends the point.</source>
        <translation>每个运行点的秒数（不含预热）：到时后不再开始新请求，进行中的请求会完成；--number 与 --duration 以先达到者结束该运行点。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="102"/>
        <source>New connections per second when a point starts, after a burst of 64 (default 2000; 0 = no limit), so that a start with thousands of streams does not overflow the server&apos;s accept queue.</source>
        <translation>运行点开始时每秒新建的连接数，在首批 64 个突发之后生效（默认 2000；0 = 不限制），以免同时启动数千个流时溢出服务器的 accept 队列。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="14"/>
        <source>Fixed prompt for every request (takes priority over --dataset); &apos;@FILE&apos; reads a file.</source>
        <translation>每个请求使用的固定提示词（优先于 --dataset）；&apos;@FILE&apos; 表示从文件读取。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="56"/>
        <source>Where hub datasets come from: modelscope (default), huggingface, or local (--dataset-path only).</source>
        <translation>hub 数据集的来源：modelscope（默认）、huggingface 或 local（仅 --dataset-path）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="27"/>
        <source>Prompt source (docs/DATASETS.md): builtin (default: 40 short questions), openqa, longalpaca, share_gpt_zh, share_gpt_en (downloaded from the hub, or --dataset-path), line_by_line, custom, embedding, embedding_batch, rerank (a local file), random, random_embedding, random_embedding_batch, random_rerank, random_vl (need --tokenizer-path), flickr8k, kontext_bench (image and text), speed_benchmark, speed_benchmark_long; with --multi-turn: random_multi_turn, share_gpt_zh_multi_turn, share_gpt_en_multi_turn, custom_multi_turn, swe_smith, trie_agentic_coding, trie_code_qa, trie_office_work; with --open-loop: workload_trace (a JSONL production trace, replayed on its timeline).</source>
        <translation>提示词来源（docs/DATASETS.md）：builtin（默认：40 个简短问题）、openqa、longalpaca、share_gpt_zh、share_gpt_en（从 hub 下载，或 --dataset-path）、line_by_line、custom、embedding、embedding_batch、rerank（本地文件）、random、random_embedding、random_embedding_batch、random_rerank、random_vl（需要 --tokenizer-path）、flickr8k、kontext_bench（图像和文本）、speed_benchmark、speed_benchmark_long；配合 --multi-turn：random_multi_turn、share_gpt_zh_multi_turn、share_gpt_en_multi_turn、custom_multi_turn、swe_smith、trie_agentic_coding、trie_code_qa、trie_office_work；配合 --open-loop：workload_trace（JSONL 生产环境跟踪，按其时间线重放）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="42"/>
        <source>Local dataset file, or the folder holding the dataset&apos;s files (offline use; implies --data-source local).</source>
        <translation>本地数据集文件，或存放数据集文件的文件夹（离线使用；隐含 --data-source local）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="61"/>
        <source>Length control for openqa, longalpaca, line_by_line, share_gpt_*: {&quot;target_input_len&quot;: N, &quot;input_len_mode&quot;: &quot;cap&quot;|&quot;drop&quot;, &quot;prefix_file&quot;: FILE, &quot;prefix_role&quot;: &quot;system&quot;|&quot;user&quot;}. workload_trace: {&quot;speed&quot;: S, &quot;model_override&quot;: NAME, &quot;model_mapping&quot;: {FROM: TO}, &quot;match_output_length&quot;: true}.</source>
        <translation>openqa、longalpaca、line_by_line、share_gpt_* 的长度控制：{&quot;target_input_len&quot;: N, &quot;input_len_mode&quot;: &quot;cap&quot;|&quot;drop&quot;, &quot;prefix_file&quot;: FILE, &quot;prefix_role&quot;: &quot;system&quot;|&quot;user&quot;}。workload_trace：{&quot;speed&quot;: S, &quot;model_override&quot;: NAME, &quot;model_mapping&quot;: {FROM: TO}, &quot;match_output_length&quot;: true}。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="74"/>
        <source>Hub download cache (default $THROUGHLINE_DATASET_CACHE or ~/.cache/throughline/datasets).</source>
        <translation>hub 下载缓存（默认为 $THROUGHLINE_DATASET_CACHE 或 ~/.cache/throughline/datasets）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="82"/>
        <source>Hugging Face model folder or tokenizer.json: counts prompt lengths in tokens and feeds random datasets.</source>
        <translation>Hugging Face 模型文件夹或 tokenizer.json：按 token 计算提示词长度，并为随机数据集提供 token。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="96"/>
        <source>random: a shared random prefix of N tokens on every prompt (prefix-cache testing).</source>
        <translation>random：在每个提示词前加上 N 个 token 的共享随机前缀（用于前缀缓存测试）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="103"/>
        <source>Drop prompts shorter than N (tokens with --tokenizer-path, else characters); random: the lower bound.</source>
        <translation>丢弃短于 N 的提示词（有 --tokenizer-path 时按 token 计，否则按字符计）；random：下限。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="111"/>
        <source>Drop prompts longer than N (default 131072); random: the upper bound of the sampled length.</source>
        <translation>丢弃长于 N 的提示词（默认 131072）；random：采样长度的上限。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="116"/>
        <source>Send prompts as token ids to /v1/completions (needs --tokenizer-path).</source>
        <translation>将提示词以 token id 的形式发送到 /v1/completions（需要 --tokenizer-path）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="122"/>
        <source>random: token-window offset; advanced by each point&apos;s --number so prompts never repeat.</source>
        <translation>random：token 窗口偏移量；每个运行点按其 --number 递增，因此提示词绝不重复。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="129"/>
        <source>Request body template, inline or &apos;@FILE.json&apos;: the dataset&apos;s prompt replaces its messages/prompt, then the run&apos;s parameters overwrite its keys.</source>
        <translation>请求体模板，内联或 &apos;@FILE.json&apos;：数据集的提示词替换其中的 messages/prompt，然后运行的参数覆盖其中的键。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="138"/>
        <source>cannot read &apos;%1&apos;</source>
        <translation>无法读取 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="139"/>
        <source>must be a JSON object (inline or @FILE.json), e.g. &apos;{&quot;messages&quot;: [], &quot;top_p&quot;: 0.9}&apos;</source>
        <translation>必须是 JSON 对象（内联或 @FILE.json），例如 &apos;{&quot;messages&quot;: [], &quot;top_p&quot;: 0.9}&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="148"/>
        <source>random_vl: width of the generated images.</source>
        <translation>random_vl：生成图像的宽度。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="156"/>
        <source>random_vl: height of the generated images.</source>
        <translation>random_vl：生成图像的高度。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="163"/>
        <source>random_vl: colour mode of the generated images (PIL&apos;s mode, as EvalScope&apos;s); always encoded as PNG.</source>
        <translation>random_vl：生成图像的颜色模式（PIL 的 mode，与 EvalScope 相同）；始终编码为 PNG。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="165"/>
        <source>EvalScope passes this to PIL&apos;s Image.new as the colour mode and always writes PNG; Throughline writes the same modes (1 as 8-bit black and white).</source>
        <translation>EvalScope 将其作为颜色模式传给 PIL 的 Image.new，并始终写出 PNG；Throughline 写出相同的模式（1 写为 8 位黑白图像）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="174"/>
        <source>random_vl: images per request.</source>
        <translation>random_vl：每个请求的图像数。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="182"/>
        <source>Image datasets: an image counts ceil(w/PX)*ceil(h/PX) input tokens when the server sends no usage.</source>
        <translation>图像数据集：服务器未返回 usage 时，每张图像按 ceil(w/PX)*ceil(h/PX) 个输入 token 计。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="16"/>
        <source>max_tokens in the body (default 2048); two values MIN MAX draw each request&apos;s max_tokens uniformly from MIN..MAX (inclusive; repeatable with --seed).</source>
        <translation>请求体中的 max_tokens（默认 2048）；给出两个值 MIN MAX 时，每个请求的 max_tokens 从 MIN..MAX 中均匀抽取（含两端；配合 --seed 可复现）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="53"/>
        <source>min_tokens in the body.</source>
        <translation>请求体中的 min_tokens。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="60"/>
        <source>temperature in the body (default 0.0).</source>
        <translation>请求体中的 temperature（默认 0.0）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="68"/>
        <source>top_p in the body.</source>
        <translation>请求体中的 top_p。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="75"/>
        <source>top_k in the body (-1: no limit, as vLLM reads it).</source>
        <translation>请求体中的 top_k（-1：不限制，与 vLLM 的解读相同）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="81"/>
        <source>seed in the body; also makes datasets repeatable (random prompts, --max-tokens ranges).</source>
        <translation>请求体中的 seed；同时使数据集可复现（随机提示词、--max-tokens 范围）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="90"/>
        <source>frequency_penalty in the body.</source>
        <translation>请求体中的 frequency_penalty。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="97"/>
        <source>repetition_penalty in the body.</source>
        <translation>请求体中的 repetition_penalty。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="103"/>
        <source>logprobs: true in the body.</source>
        <translation>在请求体中设置 logprobs: true。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="109"/>
        <source>n in the body (choices per request).</source>
        <translation>请求体中的 n（每个请求的 choices 数）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="116"/>
        <source>stop strings in the body.</source>
        <translation>请求体中的 stop 字符串。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="123"/>
        <source>stop_token_ids in the body (sent as JSON strings, as EvalScope does).</source>
        <translation>请求体中的 stop_token_ids（以 JSON 字符串发送，与 EvalScope 相同）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="132"/>
        <source>&apos;%1&apos; is not a token id; give whole numbers, e.g. --stop-token-ids 151645</source>
        <translation>&apos;%1&apos; 不是 token id；请给出整数，例如 --stop-token-ids 151645</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="140"/>
        <source>JSON object merged into every request body, e.g. &apos;{&quot;ignore_eos&quot;: true}&apos;.</source>
        <translation>合并到每个请求体中的 JSON 对象，例如 &apos;{&quot;ignore_eos&quot;: true}&apos;。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="152"/>
        <source>Stream responses (SSE) [default]; --no-stream asks for whole responses. Needed for TTFT/ITL/TPOT.</source>
        <translation>流式响应（SSE）[默认]；--no-stream 请求完整响应。TTFT/ITL/TPOT 需要流式。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="158"/>
        <source>Also send stream_options.continuous_usage_stats (vLLM, SGLang): usage in every chunk, so each event&apos;s token count is exact for ITL per token and tokens per chunk. Off by default: bodies stay EvalScope&apos;s.</source>
        <translation>同时发送 stream_options.continuous_usage_stats（vLLM、SGLang）：每个 chunk 都带 usage，因此每个事件的 token 数都是精确的，可用于逐 token 的 ITL 和每 chunk 的 token 数。默认关闭：请求体与 EvalScope 保持一致。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="165"/>
        <source>Send chat messages (default when the URL ends with chat/completions); --no-apply-chat-template sends a plain &apos;prompt&apos; string.</source>
        <translation>发送聊天消息（URL 以 chat/completions 结尾时的默认行为）；--no-apply-chat-template 发送纯 &apos;prompt&apos; 字符串。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="12"/>
        <source>Multi-turn conversations: --number counts turns, --parallel the conversations in flight; each turn carries the history with the model&apos;s real replies. Needs a *_multi_turn dataset.</source>
        <translation>多轮对话：--number 计的是轮数，--parallel 计的是同时进行中的对话数；每一轮都携带包含模型真实回复的历史。需要 *_multi_turn 数据集。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="15"/>
        <source>A worker slot claims a conversation and sends its turns one after another, appending each reply (reasoning included) to the history; a failed turn abandons the conversation. --duration stops claiming conversations; claimed ones run their remaining turns.</source>
        <translation>一个工作槽位认领一段对话并依次发送其各轮，把每次回复（包括推理内容）追加到历史中；某一轮失败则放弃该对话。--duration 到时后不再认领新对话；已认领的对话继续运行其剩余轮次。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="23"/>
        <source>random_multi_turn: minimum user turns per conversation.</source>
        <translation>random_multi_turn：每段对话的最少用户轮数。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="29"/>
        <source>Maximum user turns per conversation: required by random_multi_turn, truncates the conversations of share_gpt_*_multi_turn and custom_multi_turn.</source>
        <translation>每段对话的最多用户轮数：random_multi_turn 必需；对 share_gpt_*_multi_turn 和 custom_multi_turn 则用于截断其对话。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="35"/>
        <source>Deprecated (EvalScope): its keys are merged into --dataset-args, which wins; num_workers is accepted and has no effect.</source>
        <translation>已弃用（EvalScope）：其键会合并到 --dataset-args 中，冲突时以 --dataset-args 为准；num_workers 会被接受但不起作用。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="50"/>
        <source>Search the highest load (or the best max/min metric) that meets --sla-params: each probe is a point of the run, repeated --sla-num-runs times.</source>
        <translation>搜索满足 --sla-params 的最高负载（或最佳 max/min 指标）：每次探测是运行的一个测试点，重复 --sla-num-runs 次。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="53"/>
        <source>From --parallel (or --rate) clamped to the bounds: double while the probe passes (halve while it fails), then binary search between the last pass and the first failure. A probe passes when every request succeeded and every criterion holds on the mean of its repetitions; a criterion whose t-interval straddles its threshold is probed again, up to twice --sla-num-runs times.</source>
        <translation>从 --parallel（或 --rate）开始并限制在上下限之内：探测通过时加倍（失败时减半），然后在最后一次通过与第一次失败之间二分搜索。当所有请求都成功且每个条件在各次重复的均值上都成立时，探测即通过；t 区间跨越阈值的条件会再次探测，最多 --sla-num-runs 的两倍次。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="63"/>
        <source>The load the search changes: parallel (concurrency) or rate (requests per second, paced within --sla-fixed-parallel).</source>
        <translation>搜索所改变的负载：parallel（并发数）或 rate（每秒请求数，在 --sla-fixed-parallel 之内限速）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="69"/>
        <source>The SLA: a JSON object of criteria that must all hold, or a list of such groups, each tuned on its own. Metrics avg/p50/p90/p99 _latency, _ttft, _tpot, rps, tps; conditions &lt;=, &lt;, &gt;=, &gt; and a number, or max/min. Times take ms or s; a bare number is seconds for latency and milliseconds for TTFT and TPOT (EvalScope&apos;s actual comparison).</source>
        <translation>SLA：一个由必须全部成立的条件组成的 JSON 对象，或由此类分组组成的列表，每组单独调优。指标 avg/p50/p90/p99 _latency、_ttft、_tpot、rps、tps；条件为 &lt;=、&lt;、&gt;=、&gt; 加一个数字，或 max/min。时间可带 ms 或 s；不带单位的数字对 latency 表示秒，对 TTFT 和 TPOT 表示毫秒（EvalScope 实际的比较方式）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="93"/>
        <source>must be a JSON object or a list of objects</source>
        <translation>必须是 JSON 对象或对象列表</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="106"/>
        <source>Largest value the search probes (default 65536).</source>
        <translation>搜索探测的最大值（默认 65536）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="112"/>
        <source>Smallest value the search probes (default 1).</source>
        <translation>搜索探测的最小值（默认 1）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="118"/>
        <source>--sla-variable rate: the concurrency cap of every probe (default the upper bound).</source>
        <translation>--sla-variable rate：每次探测的并发上限（默认为上限值）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="126"/>
        <source>Runs of each probed value, averaged (default 3); up to twice as many where the interval straddles a threshold.</source>
        <translation>每个探测值的运行次数，取平均（默认 3）；区间跨越阈值时最多加倍。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_workloads.cpp" line="134"/>
        <source>Requests per probe = max(1, round(value x M)) (default 2).</source>
        <translation>每次探测的请求数 = max(1, round(value x M))（默认 2）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="14"/>
        <source>Run name (default: the model&apos;s base name); one folder name, no path.</source>
        <translation>运行名称（默认：模型的基本名称）；一个文件夹名，不含路径。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="15"/>
        <source>Names the run&apos;s folder under --outputs-dir, so it cannot hold / or \, be absolute, or be . or ..: such names are refused rather than let write outside --outputs-dir.</source>
        <translation>用作 --outputs-dir 下该运行的文件夹名，因此不能包含 / 或 \，不能是绝对路径，也不能是 . 或 ..：这类名称会被拒绝，以免写到 --outputs-dir 之外。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="22"/>
        <source>&apos;%1&apos; is not a folder name; --name names one folder under --outputs-dir, without / \ . or ..</source>
        <translation>&apos;%1&apos; 不是文件夹名；--name 指定 --outputs-dir 下的一个文件夹，不能含 / \ . 或 ..</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="32"/>
        <source>Root of EvalScope&apos;s output tree: DIR/&lt;YYYYmmdd_HHMMSS&gt;/&lt;name&gt;/parallel_&lt;P&gt;_number_&lt;N&gt;/ (default ./outputs).</source>
        <translation>EvalScope 输出树的根目录：DIR/&lt;YYYYmmdd_HHMMSS&gt;/&lt;name&gt;/parallel_&lt;P&gt;_number_&lt;N&gt;/（默认 ./outputs）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="38"/>
        <source>Leave the &lt;YYYYmmdd_HHMMSS&gt; level out of the tree.</source>
        <translation>在输出树中省略 &lt;YYYYmmdd_HHMMSS&gt; 这一层。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="42"/>
        <source>Write no output tree (the project file still keeps all).</source>
        <translation>不写输出树（项目文件仍会保存全部内容）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="43"/>
        <source>Not saved in benchmark_args.json: where results go is each invocation&apos;s choice.</source>
        <translation>不保存在 benchmark_args.json 中：结果存放位置由每次调用自行决定。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="50"/>
        <source>Project file that stores every request of the run (created if missing); the workbench opens it.</source>
        <translation>存储本次运行每个请求的项目文件（不存在时创建）；工作台可打开它。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="55"/>
        <source>Keep each request&apos;s body as sent, in the project file and in benchmark_data.db&apos;s request column (off by default: it grows the file by about a compressed body per request).</source>
        <translation>按发送时的原样保存每个请求的请求体，存入项目文件和 benchmark_data.db 的 request 列（默认关闭：每个请求约增加一个压缩后的请求体大小）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="58"/>
        <source>Bodies are stored zlib-compressed; one over 8 MiB is not stored. Turn it on when `runs export --format evalscope` must fill EvalScope&apos;s request column, or to see what each request sent.</source>
        <translation>请求体以 zlib 压缩保存；超过 8 MiB 的不保存。当 `runs export --format evalscope` 需要填写 EvalScope 的 request 列，或想查看每个请求发送了什么时，请开启。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="63"/>
        <source>Log each request body (first and last 100 characters) and each response event (first and last 200) to stderr.</source>
        <translation>将每个请求体（首尾各 100 个字符）和每个响应事件（首尾各 200 个字符）记录到 stderr。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="71"/>
        <source>Print the running metrics every N finished requests (default 100).</source>
        <translation>每完成 N 个请求打印一次当前指标（默认 100）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="75"/>
        <source>Keep &lt;outputs&gt;/&lt;run&gt;/progress.json up to date (status, processed and total counts, percent).</source>
        <translation>持续更新 &lt;outputs&gt;/&lt;run&gt;/progress.json（状态、已处理数与总数、百分比）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="80"/>
        <source>Experiment tracker (wandb, swanlab, clearml).</source>
        <translation>实验跟踪器（wandb、swanlab、clearml）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="84"/>
        <source>Weights &amp; Biases API key.</source>
        <translation>Weights &amp; Biases API 密钥。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="88"/>
        <source>SwanLab API key.</source>
        <translation>SwanLab API 密钥。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="92"/>
        <source>SwanLab server.</source>
        <translation>SwanLab 服务器。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="103"/>
        <source>Client worker threads (default 0 = one per core).</source>
        <translation>客户端工作线程数（默认 0 = 每个核心一个）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="110"/>
        <source>Largest response body kept per request (default 16 MiB); past it the request is ended and recorded as response_too_large, so a server that streams without end costs a failure, not memory.</source>
        <translation>每个请求保留的最大响应体（默认 16 MiB）；超过后该请求被终止并记为 response_too_large，这样无休止地流式输出的服务器只会造成一次失败，而不会耗尽内存。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="119"/>
        <source>Largest server-sent event or stream line (default 1 MiB); past it the request is response_too_large.</source>
        <translation>最大的服务器发送事件或流行（默认 1 MiB）；超过后该请求记为 response_too_large。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="127"/>
        <source>the project file commits one transaction per batch</source>
        <translation>项目文件每批提交一个事务</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="128"/>
        <source>Accepted for EvalScope compatibility; no effect (the project file commits one transaction per batch).</source>
        <translation>为兼容 EvalScope 而接受；无效果（项目文件每批提交一个事务）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="136"/>
        <source>results leave the workers in batches</source>
        <translation>结果分批离开工作线程</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="137"/>
        <source>Accepted for EvalScope compatibility; no effect (results leave the workers in batches).</source>
        <translation>为兼容 EvalScope 而接受；无效果（结果分批离开工作线程）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="144"/>
        <source>requests are created when a slot frees</source>
        <translation>请求在有空闲槽位时才创建</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="145"/>
        <source>Accepted for EvalScope compatibility; no effect (requests are created when a slot frees).</source>
        <translation>为兼容 EvalScope 而接受；无效果（请求在有空闲槽位时才创建）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="152"/>
        <source>prompts are generated lazily</source>
        <translation>提示词按需惰性生成</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_output.cpp" line="153"/>
        <source>Accepted for EvalScope compatibility; no effect (prompts are generated lazily). See --workers.</source>
        <translation>为兼容 EvalScope 而接受；无效果（提示词按需惰性生成）。参见 --workers。</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="43"/>
        <location filename="../core/config/parameterregistry.cpp" line="90"/>
        <source>from %1 to %2</source>
        <translation>%1 到 %2 之间</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="55"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="55"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="57"/>
        <source>every value must be %1 %2 (got %3)</source>
        <translation>每个值都必须是 %2 的%1（收到 %3）</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="58"/>
        <source>must be %1 %2 (got %3)</source>
        <translation>必须是 %2 的%1（收到 %3）</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="84"/>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; 不是整数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="91"/>
        <source>&apos;%1&apos; is out of range; give a whole number %2</source>
        <translation>&apos;%1&apos; 超出范围；请给出 %2 的整数</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="99"/>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; 不是数字</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="103"/>
        <source>&apos;%1&apos; is not a finite number; give a number %2</source>
        <translation>&apos;%1&apos; 不是有限的数字；请给出 %2 的数字</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="104"/>
        <source>such as 1.5</source>
        <translation>类似 1.5</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="128"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="130"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="132"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="134"/>
        <source>Generation</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="136"/>
        <source>Multi-turn</source>
        <translation>多轮</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="138"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="140"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="142"/>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="207"/>
        <source> (give a list as separate words: 1 4 16)</source>
        <translation> （列表请以空格分隔的多个词给出：1 4 16）</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="271"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="273"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="273"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="277"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="298"/>
        <source>needs at least one value, e.g. %1 %2</source>
        <translation>至少需要一个值，例如 %1 %2</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="316"/>
        <source>unknown value &apos;%1&apos;; choose one of: %2</source>
        <translation>未知的值 &apos;%1&apos;；请从以下选项中选择：%2</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="357"/>
        <source>has the wrong type in the saved configuration: %1</source>
        <translation>在保存的配置中类型错误：%1</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_generation.cpp" line="39"/>
        <source>takes one value or a MIN MAX pair (got %1 values)</source>
        <translation>只接受一个值或一对 MIN MAX（收到 %1 个值）</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="30"/>
        <source>cannot read &apos;%1&apos;: %2; give a benchmark_args.json or an exported run JSON</source>
        <translation>无法读取 &apos;%1&apos;：%2；请提供 benchmark_args.json 或导出的运行 JSON</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="37"/>
        <source>&apos;%1&apos; nests arrays/objects deeper than %2 levels</source>
        <translation>&apos;%1&apos; 的数组/对象嵌套超过 %2 层</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="46"/>
        <source>&apos;%1&apos; is not a JSON object of run parameters</source>
        <translation>&apos;%1&apos; 不是运行参数的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="52"/>
        <source>in &apos;%1&apos;: %2 %3</source>
        <translation>在 &apos;%1&apos; 中：%2 %3</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="74"/>
        <source>needs a value (FILE.json)</source>
        <translation>需要一个值（FILE.json）</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="100"/>
        <source>unknown option; see &apos;throughline-cli run --help&apos;</source>
        <translation>未知选项；参见 &apos;throughline-cli run --help&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="101"/>
        <location filename="../core/config/commandline.cpp" line="160"/>
        <source>unexpected argument; options start with --</source>
        <translation>意外的参数；选项以 -- 开头</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="108"/>
        <source>takes no value</source>
        <translation>不接受值</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="121"/>
        <source>needs a value (%1)</source>
        <translation>需要一个值（%1）</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="148"/>
        <source>accepted for EvalScope compatibility; it has no effect in Throughline (%1)</source>
        <translation>为兼容 EvalScope 而接受；在 Throughline 中不起作用（%1）</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="187"/>
        <source>the Responses API returns one answer per request: %1 is ignored</source>
        <translation>Responses API 每个请求只返回一个应答：%1 被忽略</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="194"/>
        <source>Usage: throughline-cli run --url URL --model NAME [options]

Runs a benchmark sweep (closed loop, or open loop with --open-loop) against an OpenAI-compatible endpoint and prints, per run point, EvalScope&apos;s summary and percentile tables and Throughline&apos;s own metrics (docs/METRICS.md). Flags follow EvalScope perf; docs/PARAMETERS.md describes each one.
</source>
        <translation>用法：throughline-cli run --url URL --model NAME [选项]

对兼容 OpenAI 的端点运行基准测试扫描（闭环，或使用 --open-loop 时为开环），并为每个运行点打印 EvalScope 的汇总表和百分位表以及 Throughline 自己的指标（docs/METRICS.md）。参数沿用 EvalScope perf；docs/PARAMETERS.md 逐一说明了每个参数。
</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="206"/>
        <source>Not supported: %1.</source>
        <translation>不支持：%1。</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="210"/>
        <source>Other:</source>
        <translation>其他：</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="212"/>
        <source>Start from a saved configuration (a benchmark_args.json, Throughline&apos;s or EvalScope&apos;s, or a run exported with &apos;runs export --format json&apos;); the other flags change it.</source>
        <translation>从已保存的配置开始（Throughline 或 EvalScope 的 benchmark_args.json，或用 &apos;runs export --format json&apos; 导出的运行）；其他选项在其基础上修改。</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="215"/>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="216"/>
        <source>
Exit codes: 0 success; 2 bad arguments; 3 the connection test failed; 4 every request failed; 1 another error (e.g. the project file cannot be written).
</source>
        <translation>
退出码：0 成功；2 参数错误；3 连接测试失败；4 所有请求都失败；1 其他错误（例如无法写入项目文件）。
</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="24"/>
        <source>a model name is required; pass the name the server serves, e.g. --model Qwen3-8B</source>
        <translation>需要模型名称；请传入服务器提供的名称，例如 --model Qwen3-8B</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="63"/>
        <source>an endpoint URL is required, e.g. --url http://127.0.0.1:8000/v1/chat/completions</source>
        <translation>需要端点 URL，例如 --url http://127.0.0.1:8000/v1/chat/completions</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="66"/>
        <source>&apos;%1&apos; is not an http(s) URL; use e.g. http://127.0.0.1:8000/v1/chat/completions</source>
        <translation>&apos;%1&apos; 不是 http(s) URL；请使用例如 http://127.0.0.1:8000/v1/chat/completions</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="353"/>
        <source>--open-loop needs arrival rates &gt; 0 requests per second, e.g. --rate 5 10 20</source>
        <translation>--open-loop 需要大于 0 的到达速率（请求/秒），例如 --rate 5 10 20</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="359"/>
        <source>gives %1 value(s) but --rate gives %2; in open loop give one --number per --rate value, e.g. --rate 5 10 --number 100 200</source>
        <translation>给出了 %1 个值，但 --rate 给出了 %2 个；开环模式下每个 --rate 值对应一个 --number，例如 --rate 5 10 --number 100 200</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="366"/>
        <source>gives %1 value(s) but --parallel gives %2; give one --number per --parallel value, e.g. --parallel 1 4 --number 20 80</source>
        <translation>给出了 %1 个值，但 --parallel 给出了 %2 个；每个 --parallel 值对应一个 --number，例如 --parallel 1 4 --number 20 80</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_load.cpp" line="43"/>
        <source>must be -1 (no pacing) or a positive number of requests per second (got %1)</source>
        <translation>必须是 -1（不限速）或正的每秒请求数（收到 %1）</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="372"/>
        <source>is %1, above --max-tokens %2</source>
        <translation>为 %1，超过了 --max-tokens %2</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="409"/>
        <source>dataset &apos;%1&apos; holds conversations: add --multi-turn</source>
        <translation>数据集 &apos;%1&apos; 包含多轮对话：请加上 --multi-turn</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="284"/>
        <source>is required with --sla-auto-tune, e.g. --sla-params &apos;{&quot;p99_latency&quot;: &quot;&lt;=2s&quot;}&apos;</source>
        <translation>在使用 --sla-auto-tune 时必须给出，例如 --sla-params &apos;{&quot;p99_latency&quot;: &quot;&lt;=2s&quot;}&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="286"/>
        <location filename="../core/metrics/slatuner.cpp" line="67"/>
        <source>%1 is below --sla-lower-bound %2</source>
        <translation>%1 低于 --sla-lower-bound %2</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="289"/>
        <source>SLA auto-tune runs closed loop (--sla-variable rate paces arrivals within --sla-fixed-parallel); drop --open-loop</source>
        <translation>SLA 自动调优以闭环运行（--sla-variable rate 在 --sla-fixed-parallel 之内控制到达速率）；请去掉 --open-loop</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="292"/>
        <source>repeats sweep points; SLA auto-tune repeats its probes with --sla-num-runs</source>
        <translation>重复的是扫描测试点；SLA 自动调优用 --sla-num-runs 重复其探测</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="301"/>
        <source>--sweep auto takes one --number (the requests of every point), got %1 values</source>
        <translation>--sweep auto 只接受一个 --number（每个点的请求数），收到 %1 个值</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="305"/>
        <source>--sweep auto takes one --parallel (the concurrency of the maximum-throughput point), got %1 values</source>
        <translation>--sweep auto 只接受一个 --parallel（最大吞吐点的并发数），收到 %1 个值</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="310"/>
        <source>--sweep auto needs the concurrency of the maximum-throughput point above 1, e.g. --parallel 64</source>
        <translation>--sweep auto 需要最大吞吐点的并发数大于 1，例如 --parallel 64</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="312"/>
        <source>--sweep auto chooses the rates from the measured throughput; drop --rate</source>
        <translation>--sweep auto 根据测得的吞吐量选择速率；请去掉 --rate</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="314"/>
        <source>workload_trace replays the trace&apos;s own timeline; drop --sweep auto</source>
        <translation>workload_trace 按轨迹自身的时间线回放；请去掉 --sweep auto</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="316"/>
        <source>SLA auto-tune chooses its own probes; drop --sweep auto or --sla-auto-tune</source>
        <translation>SLA 自动调优会自行选择探测点；请去掉 --sweep auto 或 --sla-auto-tune</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="346"/>
        <source>workload_trace replays the trace&apos;s own arrival times, whatever is in flight: add --open-loop</source>
        <translation>workload_trace 按跟踪自身的到达时间重放，不论有多少请求在进行中：请加上 --open-loop</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="413"/>
        <source>workload_trace replays single requests on the trace&apos;s timeline, not conversations; drop --multi-turn</source>
        <translation>workload_trace 按跟踪的时间线重放单个请求，而非对话；请去掉 --multi-turn</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="419"/>
        <source>--multi-turn needs a conversation dataset: random_multi_turn, share_gpt_zh_multi_turn, share_gpt_en_multi_turn, custom_multi_turn, swe_smith, trie_agentic_coding, trie_code_qa or trie_office_work (and no --prompt)</source>
        <translation>--multi-turn 需要对话数据集：random_multi_turn、share_gpt_zh_multi_turn、share_gpt_en_multi_turn、custom_multi_turn、swe_smith、trie_agentic_coding、trie_code_qa 或 trie_office_work（且不带 --prompt）</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="424"/>
        <source>cannot be used with --multi-turn: turns wait for the previous reply; drop one</source>
        <translation>不能与 --multi-turn 一起使用：每一轮都要等待上一次回复；请去掉其中一个</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="426"/>
        <source>--multi-turn sends chat messages: use --api openai with a chat/completions URL</source>
        <translation>--multi-turn 发送聊天消息：请使用 --api openai 并给出 chat/completions URL</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="428"/>
        <source>random_multi_turn needs the largest number of turns: pass --max-turns N</source>
        <translation>random_multi_turn 需要最大轮数：请传入 --max-turns N</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="430"/>
        <source>is %1, below --min-turns %2; raise it</source>
        <translation>为 %1，低于 --min-turns %2；请调高它</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="436"/>
        <source>must be a JSON object, e.g. --multi-turn-args &apos;{}&apos;</source>
        <translation>必须是 JSON 对象，例如 --multi-turn-args &apos;{}&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="439"/>
        <source>dataset &apos;%1&apos; takes no options; drop --multi-turn-args (deprecated: use --dataset-args)</source>
        <translation>数据集 &apos;%1&apos; 不接受任何选项；请去掉 --multi-turn-args（已弃用：请使用 --dataset-args）</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="455"/>
        <location filename="../core/dataset/promptsource.cpp" line="65"/>
        <source>dataset &apos;%1&apos; reads a local file: pass --dataset-path FILE</source>
        <translation>数据集 &apos;%1&apos; 读取本地文件：请传入 --dataset-path FILE</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="460"/>
        <source>dataset &apos;%1&apos; yields texts to embed: use --api openai_embedding</source>
        <translation>数据集 &apos;%1&apos; 产生待嵌入的文本：请使用 --api openai_embedding</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="462"/>
        <source>dataset &apos;%1&apos; yields a query and documents: use --api openai_rerank</source>
        <translation>数据集 &apos;%1&apos; 产生查询和文档：请使用 --api openai_rerank</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="482"/>
        <source>dataset &apos;%1&apos; sends images in chat messages: use --api openai</source>
        <translation>数据集 &apos;%1&apos; 在聊天消息中发送图像：请使用 --api openai</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="484"/>
        <source>cannot send images as token ids; drop it for dataset &apos;%1&apos;</source>
        <translation>无法以 token id 形式发送图像；对数据集 &apos;%1&apos; 请去掉此选项</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="486"/>
        <source>dataset &apos;%1&apos; sends images in chat messages: use a chat/completions URL without --no-apply-chat-template, or --api openai_responses</source>
        <translation>数据集 &apos;%1&apos; 在聊天消息中发送图像：请使用 chat/completions URL 且不加 --no-apply-chat-template，或使用 --api openai_responses</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="48"/>
        <source>&apos;%1&apos; does not exist; give a dataset file or the folder holding it</source>
        <translation>&apos;%1&apos; 不存在；请提供数据集文件或其所在文件夹</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="469"/>
        <source>--data-source local needs the dataset&apos;s file: pass --dataset-path FILE</source>
        <translation>--data-source local 需要数据集文件：请传入 --dataset-path FILE</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="474"/>
        <location filename="../core/dataset/conversationsource.cpp" line="230"/>
        <source>dataset &apos;%1&apos; generates token sequences: pass --tokenizer-path MODEL_DIR or tokenizer.json</source>
        <translation>数据集 &apos;%1&apos; 生成 token 序列：请传入 --tokenizer-path MODEL_DIR 或 tokenizer.json</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="478"/>
        <source>needs --tokenizer-path to turn prompts into token ids</source>
        <translation>需要 --tokenizer-path 才能把提示词转换为 token id</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="88"/>
        <source>&apos;%1&apos; does not exist; give a model folder or its tokenizer.json</source>
        <translation>&apos;%1&apos; 不存在；请提供模型文件夹或其 tokenizer.json</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="491"/>
        <source>cannot be used with the Responses API; use --api openai</source>
        <translation>不能与 Responses API 一起使用；请使用 --api openai</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="494"/>
        <source>is %1, below --min-prompt-length %2; raise it or lower the minimum</source>
        <translation>为 %1，低于 --min-prompt-length %2；请调高它或降低最小值</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="286"/>
        <source>&apos;%1&apos; is not a file; give a PEM file of CA certificates</source>
        <translation>&apos;%1&apos; 不是文件；请提供 CA 证书的 PEM 文件</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="376"/>
        <source>applies to --api openai (chat/completions and completions); the Responses, embedding and rerank APIs have no per-chunk usage</source>
        <translation>仅适用于 --api openai（chat/completions 和 completions）；Responses、嵌入和重排 API 没有逐块用量</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="379"/>
        <source>needs a streamed run: a whole answer carries one usage object; drop --no-stream or --continuous-usage</source>
        <translation>需要流式运行：完整应答只带一个用量对象；请去掉 --no-stream 或 --continuous-usage</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="451"/>
        <source>the range %1 %2 is reversed; give MIN MAX, e.g. --max-tokens 128 512</source>
        <translation>范围 %1 %2 颠倒了；请按 MIN MAX 给出，例如 --max-tokens 128 512</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_dataset.cpp" line="20"/>
        <source>&apos;%1&apos; does not exist; &apos;@FILE&apos; reads the prompt from FILE</source>
        <translation>&apos;%1&apos; 不存在；&apos;@FILE&apos; 从 FILE 读取提示词</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="506"/>
        <source>&quot;%1&quot; must be a whole number &gt; 0</source>
        <translation>&quot;%1&quot; 必须是 &gt; 0 的整数</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="510"/>
        <source>&quot;document_length_ratio&quot; must be a number &gt; 0, e.g. 5</source>
        <translation>&quot;document_length_ratio&quot; 必须是 &gt; 0 的数字，例如 5</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="521"/>
        <source>must be a JSON object, e.g. --dataset-args &apos;{&quot;target_input_len&quot;: 1024}&apos;</source>
        <translation>必须是 JSON 对象，例如 --dataset-args &apos;{&quot;target_input_len&quot;: 1024}&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="528"/>
        <source>dataset &apos;%1&apos; takes no --dataset-args; the length-control keys apply to %2</source>
        <translation>数据集 &apos;%1&apos; 不接受 --dataset-args；长度控制键适用于 %2</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="537"/>
        <source>unknown key &quot;%1&quot;; the keys are %2</source>
        <translation>未知键 &quot;%1&quot;；可用的键为 %2</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="542"/>
        <source>&quot;target_input_len&quot; must be a whole number of tokens &gt; 0</source>
        <translation>&quot;target_input_len&quot; 必须是 &gt; 0 的 token 数</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="544"/>
        <source>&quot;target_input_len&quot; counts tokens: pass --tokenizer-path</source>
        <translation>&quot;target_input_len&quot; 以 token 计：请传入 --tokenizer-path</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="547"/>
        <source>&quot;input_len_mode&quot; must be &quot;cap&quot; or &quot;drop&quot;</source>
        <translation>&quot;input_len_mode&quot; 必须是 &quot;cap&quot; 或 &quot;drop&quot;</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="550"/>
        <source>&quot;prefix_role&quot; must be &quot;system&quot; or &quot;user&quot;</source>
        <translation>&quot;prefix_role&quot; 必须是 &quot;system&quot; 或 &quot;user&quot;</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="554"/>
        <source>&quot;prefix_file&quot; &apos;%1&apos; is not a readable file</source>
        <translation>&quot;prefix_file&quot; &apos;%1&apos; 不是可读文件</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="556"/>
        <source>&quot;prefix_file&quot; needs &quot;target_input_len&quot;, the length to pad to</source>
        <translation>&quot;prefix_file&quot; 需要 &quot;target_input_len&quot; 作为填充目标长度</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="558"/>
        <source>&quot;prefix_file&quot; pads prompts, so it cannot be used with &quot;drop&quot;</source>
        <translation>&quot;prefix_file&quot; 会填充提示词，因此不能与 &quot;drop&quot; 一起使用</translation>
    </message>
    <message>
        <location filename="../core/config/parameterregistry.cpp" line="343"/>
        <source>the run configuration is not a JSON object</source>
        <translation>运行配置不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="71"/>
        <source>--data-source local needs the dataset&apos;s file: pass --dataset-path %1</source>
        <translation>--data-source local 需要数据集文件：请传入 --dataset-path %1</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="78"/>
        <source>dataset &apos;%1&apos; is only on ModelScope; use --data-source modelscope or --dataset-path FILE</source>
        <translation>数据集 &apos;%1&apos; 仅在 ModelScope 上提供；请使用 --data-source modelscope 或 --dataset-path FILE</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="99"/>
        <source>&apos;%1&apos; holds no %2; pass the dataset file itself</source>
        <translation>&apos;%1&apos; 中没有 %2；请直接传入数据集文件</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="108"/>
        <source>&apos;%1&apos; is not a file; dataset &apos;%2&apos; reads one file</source>
        <translation>&apos;%1&apos; 不是文件；数据集 &apos;%2&apos; 读取单个文件</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="120"/>
        <source>%1; for offline use download %2 yourself and pass --dataset-path</source>
        <translation>%1；如需离线使用，请自行下载 %2 并传入 --dataset-path</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="134"/>
        <source>%1; for offline use download %2 yourself and pass --dataset-path FILE</source>
        <translation>%1；离线使用时请自行下载 %2 并传入 --dataset-path FILE</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="315"/>
        <location filename="../core/dataset/imagepromptsource.cpp" line="39"/>
        <location filename="../core/dataset/imagepromptsource.cpp" line="43"/>
        <location filename="../core/dataset/imagepromptsource.cpp" line="108"/>
        <location filename="../core/dataset/imagepromptsource.cpp" line="185"/>
        <location filename="../core/dataset/parquetreader.cpp" line="377"/>
        <location filename="../core/dataset/promptsource.cpp" line="321"/>
        <location filename="../core/dataset/recordreader.cpp" line="23"/>
        <location filename="../core/dataset/tracesource.cpp" line="323"/>
        <location filename="../core/storage/runimporter.cpp" line="21"/>
        <location filename="../core/storage/vllmimporter.cpp" line="141"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>无法读取 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="48"/>
        <source>&apos;%1&apos; is cut short</source>
        <translation>&apos;%1&apos; 不完整（已被截断）</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="130"/>
        <source>&apos;%1&apos; is not a readable tar archive (bad header at byte %2)</source>
        <translation>&apos;%1&apos; 不是可读的 tar 归档（第 %2 字节处的头部有误）</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="195"/>
        <source>%1:%2: nests too deeply</source>
        <translation>%1:%2：嵌套过深</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="210"/>
        <source>%1:%2: needs &quot;file_name&quot;, an image path inside the folder</source>
        <translation>%1:%2：需要 &quot;file_name&quot;，即文件夹内的图像路径</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="250"/>
        <source>&apos;%1&apos; has no &quot;image&quot; column (it has: %2)</source>
        <translation>&apos;%1&apos; 没有 &quot;image&quot; 列（它有：%2）</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="263"/>
        <location filename="../core/dataset/imagepromptsource.cpp" line="277"/>
        <location filename="../core/dataset/imagepromptsource.cpp" line="293"/>
        <source>cannot write the images of &apos;%1&apos; into &apos;%2&apos;: %3</source>
        <translation>无法将 &apos;%1&apos; 的图像写入 &apos;%2&apos;：%3</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="315"/>
        <source>no dataset file given</source>
        <translation>未提供数据集文件</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="326"/>
        <source>&apos;%1&apos; is not a Parquet file; several files are read only as the Parquet shards of a split</source>
        <translation>&apos;%1&apos; 不是 Parquet 文件；多个文件只能作为某个划分的 Parquet 分片读取</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="354"/>
        <source>&apos;%1&apos; holds no readable images (PNG, JPEG, GIF or WebP, with a NAME.txt text or a metadata.jsonl)</source>
        <translation>&apos;%1&apos; 中没有可读的图像（PNG、JPEG、GIF 或 WebP，并附有 NAME.txt 文本或 metadata.jsonl）</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagepromptsource.cpp" line="357"/>
        <source>&apos;%1&apos; holds no readable images; give a WebDataset .tar shard, a Parquet file or a folder of images</source>
        <translation>&apos;%1&apos; 中没有可读取的图像；请提供 WebDataset .tar 分片、Parquet 文件或图像文件夹</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="400"/>
        <source>unknown dataset &apos;%1&apos;</source>
        <translation>未知数据集 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="163"/>
        <source>the test request to %1 got an answer (HTTP %2) larger than %3 bytes; the server does not answer as an OpenAI-compatible endpoint should</source>
        <translation>发往 %1 的测试请求收到的响应（HTTP %2）大于 %3 字节；该服务器的响应不符合兼容 OpenAI 的端点应有的行为</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="182"/>
        <source> (the attempts before it: HTTP %1)</source>
        <translation>（此前的尝试：HTTP %1）</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="185"/>
        <source> (the attempts before it: connection refused)</source>
        <translation>（此前的尝试：连接被拒绝）</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="186"/>
        <source> (the attempts before it: %1)</source>
        <translation>（此前的尝试：%1）</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="188"/>
        <source>the test request to %1 got no complete answer within %2 s%3; check that the server is up and not overloaded, raise --total-timeout, or skip the test with --no-test-connection</source>
        <translation>发往 %1 的测试请求在 %2 秒内未收到完整回答%3；请检查服务器是否已启动且未过载，调高 --total-timeout，或用 --no-test-connection 跳过测试</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="202"/>
        <source>%1 refused the test request with HTTP %2 (%3); pass a valid --api-key</source>
        <translation>%1 以 HTTP %2（%3）拒绝了测试请求；请传入有效的 --api-key</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="210"/>
        <source>%1 answered HTTP 404 (%2); check the endpoint path (e.g. /v1/chat/completions) and that --model names a model the server serves</source>
        <translation>%1 返回 HTTP 404（%2）；请检查端点路径（例如 /v1/chat/completions），以及 --model 是否为服务器提供的模型</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="217"/>
        <source>the test request to %1 failed with HTTP %2: %3</source>
        <translation>发往 %1 的测试请求失败，HTTP %2：%3</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="223"/>
        <source>nothing is listening at %1 (connection refused); start the server or fix the host/port in --url</source>
        <translation>%1 上没有服务在监听（连接被拒绝）；请启动服务器或修正 --url 中的主机/端口</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="229"/>
        <source>the TLS handshake with %1 failed (%2); trust the server&apos;s CA with --ca-cert FILE.pem, or skip verification with --insecure</source>
        <translation>与 %1 的 TLS 握手失败（%2）；请用 --ca-cert FILE.pem 信任服务器的 CA，或用 --insecure 跳过验证</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="235"/>
        <source>host &apos;%1&apos; not found; check the host name in --url</source>
        <translation>找不到主机 &apos;%1&apos;；请检查 --url 中的主机名</translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="239"/>
        <source>cannot reach %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="428"/>
        <source>the answer (HTTP %1) is larger than %2 bytes</source>
        <translation>响应（HTTP %1）大于 %2 字节</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="441"/>
        <location filename="../core/engine/worker.cpp" line="447"/>
        <source>an event of the stream is larger than %1 bytes</source>
        <translation>流中的某个事件大于 %1 字节</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="472"/>
        <source>event is not JSON: %1</source>
        <translation>事件不是 JSON：%1</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="581"/>
        <source>stopped by the user</source>
        <translation>被用户停止</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="582"/>
        <source>%1 after %2 s</source>
        <translation>%2 秒后%1</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="599"/>
        <source>the server answered 200 with an event stream that held no data</source>
        <translation>服务器返回 200，但事件流中没有任何数据</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="609"/>
        <source>the server answered 200 with an empty body</source>
        <translation>服务器返回 200，但响应体为空</translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="610"/>
        <source>the server answered 200 with a body that is not a JSON object: %1</source>
        <translation>服务器返回 200，但响应体不是 JSON 对象：%1</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="34"/>
        <source>a download of %1 is already running</source>
        <translation>%1 的下载已在进行</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="38"/>
        <source>cannot create the folder of &apos;%1&apos;</source>
        <translation>无法创建 &apos;%1&apos; 所在的文件夹</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="43"/>
        <location filename="../core/dataset/datasetdownloader.cpp" line="146"/>
        <location filename="../core/storage/evalscopedatadb.cpp" line="104"/>
        <location filename="../core/storage/outputwriter.cpp" line="113"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="77"/>
        <source>the download of %1 was cancelled; the %2 bytes received so far are kept and resume next time</source>
        <translation>%1 的下载已取消；已收到的 %2 字节会保留，下次继续</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="158"/>
        <source>%1 answered 404 Not Found: the dataset file is not there (check the dataset name, or download it yourself and pass --dataset-path)</source>
        <translation>%1 返回 404 Not Found：数据集文件不存在（请检查数据集名称，或自行下载并传入 --dataset-path）</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="164"/>
        <source>%1 answered HTTP %2 %3</source>
        <translation>%1 返回 HTTP %2 %3</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="171"/>
        <source>downloading %1 stopped after %2 bytes: %3</source>
        <translation>下载 %1 在 %2 字节后中止：%3</translation>
    </message>
    <message>
        <location filename="../core/dataset/datasetdownloader.cpp" line="198"/>
        <source>cannot rename &apos;%1&apos; to &apos;%2&apos;</source>
        <translation>无法将 &apos;%1&apos; 重命名为 &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../core/storage/outputwriter.cpp" line="150"/>
        <location filename="../core/storage/outputwriter.cpp" line="227"/>
        <source>cannot create the output folder &apos;%1&apos;; check --outputs-dir</source>
        <translation>无法创建输出文件夹 &apos;%1&apos;；请检查 --outputs-dir</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="125"/>
        <source>project &apos;%1&apos; is not a file</source>
        <translation>项目 &apos;%1&apos; 不是文件</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="127"/>
        <source>project &apos;%1&apos; does not exist</source>
        <translation>项目 &apos;%1&apos; 不存在</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="129"/>
        <source>project &apos;%1&apos; cannot be read (permission denied)</source>
        <translation>无法读取项目 &apos;%1&apos;（权限被拒绝）</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="132"/>
        <source>project &apos;%1&apos; is read-only; open it for browsing only or choose another file</source>
        <translation>项目 &apos;%1&apos; 是只读的；请仅以浏览方式打开，或选择其他文件</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="134"/>
        <source>cannot create project &apos;%1&apos;: the folder is missing or not writable</source>
        <translation>无法创建项目 &apos;%1&apos;：文件夹不存在或不可写</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="162"/>
        <source>&apos;%1&apos; is not a Throughline project (it is not an SQLite database); it was left untouched</source>
        <translation>&apos;%1&apos; 不是 Throughline 项目（不是 SQLite 数据库）；未做任何改动</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="177"/>
        <source>the Qt SQLite driver is missing; install the package libqt6sql6-sqlite</source>
        <translation>缺少 Qt SQLite 驱动；请安装软件包 libqt6sql6-sqlite</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="189"/>
        <source>cannot open project &apos;%1&apos;: %2</source>
        <translation>无法打开项目 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="204"/>
        <source>&apos;%1&apos; is an SQLite database but not a Throughline project; it was left untouched</source>
        <translation>&apos;%1&apos; 是 SQLite 数据库，但不是 Throughline 项目；未做任何改动</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="206"/>
        <source>project &apos;%1&apos; was written by a newer Throughline (schema %2; this version reads up to %3); update Throughline to open it</source>
        <translation>项目 &apos;%1&apos; 由更新版本的 Throughline 写入（架构 %2；此版本最多读取 %3）；请更新 Throughline 后再打开</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="168"/>
        <location filename="../core/storage/projectschema.cpp" line="216"/>
        <source>project &apos;%1&apos; is empty</source>
        <translation>项目 &apos;%1&apos; 为空</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="57"/>
        <source>the file ends inside its header</source>
        <translation>文件在文件头内部就结束了</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="64"/>
        <source>its header gives an impossible page size (%1)</source>
        <translation>文件头给出了不可能的页大小（%1）</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="75"/>
        <source>it is truncated: %1 bytes of the %2 its header announces</source>
        <translation>文件被截断：只有文件头声明的 %2 字节中的 %1 字节</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="93"/>
        <source>&apos;%1&apos; is damaged (%2); it was left untouched. Restore it from a backup, or try &apos;sqlite3 %1 .recover&apos; on a copy</source>
        <translation>&apos;%1&apos; 已损坏（%2）；未做任何改动。请从备份恢复，或在副本上尝试 &apos;sqlite3 %1 .recover&apos;</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="109"/>
        <source>cannot read project &apos;%1&apos;: %2</source>
        <translation>无法读取项目 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="141"/>
        <source>project &apos;%1&apos; is in a read-only folder, where SQLite cannot create its -wal and -shm files; it can be browsed but not written: copy it to a writable folder to run or import into it</source>
        <translation>项目 &apos;%1&apos; 位于只读文件夹中，SQLite 无法在其中创建 -wal 和 -shm 文件；它可以浏览但不能写入：请将其复制到可写文件夹后再运行或导入</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="151"/>
        <source>project &apos;%1&apos; keeps its latest changes in &apos;%1-wal&apos;, which SQLite reads only where it can create &apos;%1-shm&apos;, and its folder is read-only; copy the project with its -wal file to a writable folder to open it</source>
        <translation>项目 &apos;%1&apos; 的最新更改保存在 &apos;%1-wal&apos; 中，SQLite 只有在能创建 &apos;%1-shm&apos; 的地方才会读取它，而其文件夹是只读的；请将项目连同其 -wal 文件复制到可写文件夹后再打开</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="201"/>
        <source>its schema version cannot be read</source>
        <translation>无法读取其架构版本</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="221"/>
        <source>project &apos;%1&apos; was written by an earlier Throughline (schema %2) and must be upgraded to schema %3 before it can be read; it is read-only, so make it writable or work on a copy</source>
        <translation>项目 &apos;%1&apos; 由较早版本的 Throughline 写入（架构 %2），必须先升级到架构 %3 才能读取；它是只读的，请将其设为可写或使用副本</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="230"/>
        <source>cannot prepare project &apos;%1&apos;: %2</source>
        <translation>无法准备项目 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="240"/>
        <source>cannot keep a copy of &apos;%1&apos; before upgrading it (%2); it was left untouched; free some disk space or check the folder&apos;s permissions</source>
        <translation>升级前无法保留 &apos;%1&apos; 的副本（%2）；未做任何改动；请释放磁盘空间或检查文件夹权限</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="246"/>
        <location filename="../core/storage/projectschema.cpp" line="267"/>
        <source>cannot write project &apos;%1&apos;: %2</source>
        <translation>无法写入项目 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="249"/>
        <source>cannot upgrade project &apos;%1&apos; from schema %2: %3; it was left as it was</source>
        <translation>无法将项目 &apos;%1&apos; 从架构 %2 升级：%3；保持原样</translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="94"/>
        <location filename="../core/storage/projectwriter.cpp" line="194"/>
        <source>project &apos;%1&apos;: cannot %2: %3</source>
        <translation>项目 &apos;%1&apos;：无法%2：%3</translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="190"/>
        <source>project &apos;%1&apos;: the Qt SQLite driver gave no database handle</source>
        <translation>项目 &apos;%1&apos;：Qt SQLite 驱动没有提供数据库句柄</translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="297"/>
        <source>project &apos;%1&apos;: request %2 of point %3 of run %4 was handed over twice; the first copy is kept</source>
        <translation>项目 &apos;%1&apos;：运行 %4 的测试点 %3 的请求 %2 被提交了两次；保留第一份</translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="328"/>
        <location filename="../core/storage/projectwriter.cpp" line="427"/>
        <location filename="../core/storage/projectwriter.cpp" line="482"/>
        <source>project &apos;%1&apos;: cannot start a transaction: %2</source>
        <translation>项目 &apos;%1&apos;：无法开始事务：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="342"/>
        <location filename="../core/storage/projectwriter.cpp" line="522"/>
        <source>project &apos;%1&apos;: cannot commit: %2</source>
        <translation>项目 &apos;%1&apos;：无法提交：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="346"/>
        <source>%1; %2 requests of this run are stored, the run is marked failed; free disk space and run it again</source>
        <translation>%1；此运行已保存 %2 个请求，该运行被标记为失败；请释放磁盘空间后重新运行</translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="473"/>
        <source>project &apos;%1&apos; has no run &apos;%2&apos;</source>
        <translation>项目 &apos;%1&apos; 中没有运行 &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../core/dataset/filepromptsource.cpp" line="36"/>
        <source>&apos;%1&apos; holds no records (the file is empty or every line is blank)</source>
        <translation>&apos;%1&apos; 中没有记录（文件为空或每一行都是空白）</translation>
    </message>
    <message>
        <location filename="../core/dataset/filepromptsource.cpp" line="40"/>
        <source>%1 dropped by %2</source>
        <translation>%1 条被 %2 过滤掉</translation>
    </message>
    <message>
        <location filename="../core/dataset/filepromptsource.cpp" line="41"/>
        <source>&apos;%1&apos;: the dataset is empty after filtering (%2); relax that filter</source>
        <translation>&apos;%1&apos;：过滤后数据集为空（%2）；请放宽该过滤条件</translation>
    </message>
    <message>
        <location filename="../core/dataset/filepromptsource.cpp" line="72"/>
        <source>%1; fix the file</source>
        <translation>%1；请修正该文件</translation>
    </message>
    <message>
        <location filename="../core/dataset/filepromptsource.cpp" line="86"/>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../core/dataset/filepromptsource.cpp" line="91"/>
        <source>%1; fix or delete that line</source>
        <translation>%1；请修正或删除该行</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptshaper.cpp" line="41"/>
        <source>cannot read prefix_file &apos;%1&apos;: %2</source>
        <translation>无法读取 prefix_file &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptshaper.cpp" line="47"/>
        <source>prefix_file &apos;%1&apos; holds no text to pad prompts with</source>
        <translation>prefix_file &apos;%1&apos; 中没有可用于填充提示词的文本</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptshaper.cpp" line="85"/>
        <source>target_input_len %1 with input_len_mode drop (shorter prompts)</source>
        <translation>target_input_len %1 且 input_len_mode 为 drop（较短的提示词）</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptshaper.cpp" line="142"/>
        <location filename="../core/dataset/promptshaper.cpp" line="179"/>
        <location filename="../core/dataset/recordparsers.cpp" line="186"/>
        <source>--min-prompt-length %1</source>
        <translation>--min-prompt-length %1</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptshaper.cpp" line="146"/>
        <location filename="../core/dataset/promptshaper.cpp" line="183"/>
        <location filename="../core/dataset/recordparsers.cpp" line="188"/>
        <source>--max-prompt-length %1</source>
        <translation>--max-prompt-length %1</translation>
    </message>
    <message>
        <location filename="../core/dataset/promptshaper.cpp" line="164"/>
        <source>target_input_len %1 (conversations longer than the target)</source>
        <translation>target_input_len %1（长于目标的对话）</translation>
    </message>
    <message>
        <location filename="../core/dataset/randompromptsource.cpp" line="53"/>
        <source>random datasets need --tokenizer-path</source>
        <translation>随机数据集需要 --tokenizer-path</translation>
    </message>
    <message>
        <location filename="../core/dataset/randompromptsource.cpp" line="66"/>
        <source>the tokenizer has no ordinary tokens to build random prompts from</source>
        <translation>分词器中没有可用于构造随机提示词的普通 token</translation>
    </message>
    <message>
        <location filename="../core/dataset/randompromptsource.cpp" line="86"/>
        <source>cannot render the tokenizer&apos;s chat template to subtract its length: %1; pass --no-apply-chat-template or a tokenizer whose template renders</source>
        <translation>无法渲染分词器的聊天模板以扣除其长度：%1；请传入 --no-apply-chat-template，或使用模板可渲染的分词器</translation>
    </message>
    <message>
        <location filename="../core/dataset/randompromptsource.cpp" line="100"/>
        <source>--max-prompt-length %1 leaves no room for a prompt after the chat template&apos;s %2 tokens; raise it</source>
        <translation>--max-prompt-length %1 在扣除聊天模板的 %2 个 token 后没有留给提示词的空间；请调高它</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="70"/>
        <source>expected a JSON object with a &quot;%1&quot; string</source>
        <translation>应为带有 &quot;%1&quot; 字符串的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="73"/>
        <source>the object has no &quot;%1&quot; string</source>
        <translation>该对象没有 &quot;%1&quot; 字符串</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="101"/>
        <source>JSON lines cannot be fitted to target_input_len; use plain-text lines or drop target_input_len from --dataset-args</source>
        <translation>JSON 行无法调整到 target_input_len；请使用纯文本行，或从 --dataset-args 中去掉 target_input_len</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="107"/>
        <source>a JSON array line must hold message objects with a &quot;role&quot;</source>
        <translation>JSON 数组行必须包含带 &quot;role&quot; 的消息对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="59"/>
        <source>not a JSON array of {&quot;role&quot;, &quot;content&quot;} messages</source>
        <translation>不是由 {&quot;role&quot;, &quot;content&quot;} 消息组成的 JSON 数组</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="68"/>
        <source>each message must be an object with &quot;role&quot; and &quot;content&quot;</source>
        <translation>每条消息都必须是带有 &quot;role&quot; 和 &quot;content&quot; 的对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="82"/>
        <source>no user message</source>
        <translation>没有用户消息</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="92"/>
        <location filename="../core/dataset/recordparsers.cpp" line="131"/>
        <source>expected a JSON object with a &quot;conversation&quot; array of {&quot;human&quot;, &quot;assistant&quot;}</source>
        <translation>应为带有 {&quot;human&quot;, &quot;assistant&quot;} 的 &quot;conversation&quot; 数组的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="108"/>
        <source>no human turn</source>
        <translation>没有用户轮次</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="275"/>
        <source>first user message outside --min/--max-prompt-length</source>
        <translation>第一条用户消息超出 --min/--max-prompt-length 范围</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="321"/>
        <source>&apos;%1&apos; is larger than %2 MB; a pre-built swe_smith file is read whole</source>
        <translation>&apos;%1&apos; 大于 %2 MB；预构建的 swe_smith 文件会被整个读入</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="337"/>
        <source>swe_smith builds its conversations from trajectories in tokens: pass --tokenizer-path (or a pre-built file as --dataset-path)</source>
        <translation>swe_smith 以 token 为单位从轨迹构建对话：请传入 --tokenizer-path（或将预构建文件作为 --dataset-path）</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="350"/>
        <source>&apos;%1&apos; has no &quot;messages&quot; column (it has: %2); expected the SWE-smith-trajectories `tool` split</source>
        <translation>&apos;%1&apos; 没有 &quot;messages&quot; 列（它有：%2）；应为 SWE-smith-trajectories 的 `tool` 划分</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="360"/>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="389"/>
        <source>&apos;%1&apos;: no trajectory is long enough for the turns asked (first_turn_length, subsequent_turn_length, --max-turns); lower them</source>
        <translation>&apos;%1&apos;：没有足够长的轨迹满足所要求的轮次（first_turn_length、subsequent_turn_length、--max-turns）；请调低它们</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="263"/>
        <location filename="../core/dataset/conversationsource.cpp" line="281"/>
        <location filename="../core/dataset/conversationsource.cpp" line="374"/>
        <location filename="../core/dataset/tracesource.cpp" line="315"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="291"/>
        <source>the tokenizer has no ordinary tokens to build prompts from</source>
        <translation>分词器中没有可用于构建提示词的普通 token</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="297"/>
        <source>&apos;%1&apos; holds no usable conversation%2</source>
        <translation>&apos;%1&apos; 中没有可用的对话%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="135"/>
        <source>each &quot;conversation&quot; entry must be an object with &quot;human&quot; and &quot;assistant&quot;</source>
        <translation>每个 &quot;conversation&quot; 条目都必须是带有 &quot;human&quot; 和 &quot;assistant&quot; 的对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="145"/>
        <source>conversations without a human turn</source>
        <translation>没有用户轮次的对话</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="178"/>
        <source>the object has none of &quot;text&quot;, &quot;input&quot;, &quot;sentence&quot;, &quot;content&quot;</source>
        <translation>该对象没有 &quot;text&quot;、&quot;input&quot;、&quot;sentence&quot;、&quot;content&quot; 中的任何一个</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="180"/>
        <source>expected a JSON string or an object with a &quot;text&quot; string</source>
        <translation>应为 JSON 字符串，或带有 &quot;text&quot; 字符串的对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="208"/>
        <source>expected a JSON object with &quot;query&quot; and &quot;documents&quot;</source>
        <translation>应为带有 &quot;query&quot; 和 &quot;documents&quot; 的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordparsers.cpp" line="230"/>
        <source>records without a query or documents</source>
        <translation>缺少查询或文档的记录</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordreader.cpp" line="104"/>
        <source>%1, line %2: the JSON array is not closed with &apos;]&apos;</source>
        <translation>%1，第 %2 行：JSON 数组没有以 &apos;]&apos; 结束</translation>
    </message>
    <message>
        <location filename="../core/dataset/recordreader.cpp" line="131"/>
        <source>%1, line %2: the JSON array ends inside an element</source>
        <translation>%1，第 %2 行：JSON 数组在某个元素内部结束</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="121"/>
        <source>the response head is larger than %1 KiB</source>
        <translation>响应头大于 %1 KiB</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="136"/>
        <source>the server&apos;s answer is not HTTP/1.x: %1</source>
        <translation>服务器的应答不是 HTTP/1.x：%1</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="144"/>
        <source>bad HTTP status line: %1</source>
        <translation>错误的 HTTP 状态行：%1</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="164"/>
        <source>bad HTTP header line: %1</source>
        <translation>错误的 HTTP 头部行：%1</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="173"/>
        <source>bad Content-Length: %1</source>
        <translation>错误的 Content-Length：%1</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="221"/>
        <source>a chunk-size or trailer line is longer than %1 KiB</source>
        <translation>chunk 大小行或 trailer 行长于 %1 KiB</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="259"/>
        <source>bad chunk size in a chunked response: %1</source>
        <translation>分块响应中的 chunk 大小错误：%1</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="270"/>
        <source>a chunk of a chunked response is longer than its announced size</source>
        <translation>分块响应的某个 chunk 长于其声明的大小</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="296"/>
        <source>the server closed the connection before the response ended</source>
        <translation>服务器在响应结束前关闭了连接</translation>
    </message>
    <message>
        <location filename="../core/net/httpresponseparser.cpp" line="297"/>
        <source>the server closed the connection without answering</source>
        <translation>服务器未应答就关闭了连接</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="122"/>
        <source>the lean transport is built for Linux and other Unix systems only</source>
        <translation>lean 传输只为 Linux 和其他 Unix 系统构建</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="125"/>
        <source>the lean transport speaks plain http:// only (this URL is %1://)</source>
        <translation>lean 传输只支持明文 http://（此 URL 是 %1://）</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="127"/>
        <source>the URL has no host</source>
        <translation>URL 中没有主机</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="199"/>
        <source>cannot resolve host %1: %2</source>
        <translation>无法解析主机 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="275"/>
        <source>cannot connect: too many open files (the last %1 file descriptors below ulimit -n are kept for the rest of the process)</source>
        <translation>无法连接：打开的文件过多（低于 ulimit -n 的最后 %1 个文件描述符保留给进程的其余部分）</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="294"/>
        <location filename="../core/net/leantransport.cpp" line="316"/>
        <source>cannot connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="351"/>
        <source>cannot send the request: %1</source>
        <translation>无法发送请求：%1</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="453"/>
        <source>the server reset the connection before the response ended</source>
        <translation>服务器在响应结束前重置了连接</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="454"/>
        <source>the server reset the connection without answering</source>
        <translation>服务器未应答就重置了连接</translation>
    </message>
    <message>
        <location filename="../core/net/leantransport.cpp" line="460"/>
        <source>the server closed the kept-alive connection without answering</source>
        <translation>服务器未应答就关闭了保持活动（keep-alive）的连接</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_target.cpp" line="307"/>
        <location filename="../core/net/transport.cpp" line="33"/>
        <source>must be auto, lean or qt (got &apos;%1&apos;)</source>
        <translation>必须是 auto、lean 或 qt（收到 &apos;%1&apos;）</translation>
    </message>
    <message>
        <location filename="../core/net/transport.cpp" line="37"/>
        <source>use --transport qt (or auto)</source>
        <translation>请使用 --transport qt（或 auto）</translation>
    </message>
    <message>
        <location filename="../core/net/transport.cpp" line="41"/>
        <source>a proxy from the environment (http_proxy) applies to this URL</source>
        <translation>环境中的代理（http_proxy）适用于此 URL</translation>
    </message>
    <message>
        <location filename="../core/net/transport.cpp" line="42"/>
        <source>use --transport qt (or auto), or --no-proxy to go around the proxy</source>
        <translation>请使用 --transport qt（或 auto），或用 --no-proxy 绕过代理</translation>
    </message>
    <message>
        <location filename="../core/net/transport.cpp" line="50"/>
        <source>lean cannot be used: %1; %2</source>
        <translation>无法使用 lean：%1；%2</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="74"/>
        <source>Emulated OpenAI-compatible model server (vLLM-style) for trying Throughline without a GPU.
Endpoints: POST /v1/chat/completions, /v1/completions, /v1/responses, /v1/embeddings, /v1/rerank
(and /v1/reranks); GET /v1/models, /health, /metrics (Prometheus text). docs/SIM.md describes
everything below in full.

Serving model: at most --max-num-seqs requests run at once (default 1024); the rest wait in one
FIFO queue. A prefill costs prompt tokens / --prefill-tok-per-s seconds (0 = free; prefills run one
at a time). Timing, fixed model (default): first token --ttft-ms after admission and prefill, then
one token every --itl-ms, on absolute deadlines. Batched model (when --decode-base-ms is given):
each token takes one decode step of --decode-base-ms + --decode-per-seq-ms x running requests, so
latency grows with load and throughput saturates. Options override the --preset they follow from.
Output length n: with &quot;ignore_eos&quot;: true, max_tokens (16 if absent); otherwise min(max_tokens, L),
or L without max_tokens, where L is --output-tokens or drawn from --output-len-dist; then at least
min_tokens, and at least 1. finish_reason is &quot;length&quot; when n reached max_tokens, else &quot;stop&quot;.
Draws (lengths, faults) depend only on --seed and the request&apos;s number (1, 2, ... as parsed).
Prompt tokens (usage.prompt_tokens): chat = sum over messages of
max(1, ceil(UTF-8 bytes of the content / 4)) + 4 per message; completions = ceil(UTF-8 bytes / 4)
for a string prompt, or the number of token ids for a list. With --prefix-cache, leading 16-token
blocks seen before skip prefill and are reported in usage.prompt_tokens_details.cached_tokens.
The k-th output token is &quot; &quot; + a word from a fixed 64-word list, --tokens-per-chunk per SSE chunk.
Fault kinds for --fault/--fault-every (mid-stream ones strike at token ceil(n/2)):
  %1.
--trace-out writes one JSON line per completion request as it ends (flushed at least once a second):
{&quot;id&quot;,&quot;received_ns&quot;,&quot;arrived_ns&quot;,&quot;headers_ns&quot;,&quot;chunk_ns&quot;:[..],&quot;planned_ns&quot;:[..],&quot;end_ns&quot;,
&quot;prompt_tokens&quot;,&quot;completion_tokens&quot;,&quot;cached_tokens&quot;,&quot;status&quot;,&quot;fault&quot;}, CLOCK_MONOTONIC nanoseconds
(arrived_ns: the kernel&apos;s receive time of the request, 0 when it gave none).</source>
        <translation>用于在没有 GPU 的情况下试用 Throughline 的模拟 OpenAI 兼容模型服务器（vLLM 风格）。
端点：POST /v1/chat/completions、/v1/completions、/v1/responses、/v1/embeddings、/v1/rerank
（以及 /v1/reranks）；GET /v1/models、/health、/metrics（Prometheus 文本）。docs/SIM.md 完整描述了
以下所有内容。

服务模型：最多同时运行 --max-num-seqs 个请求（默认 1024）；其余请求在一个
FIFO 队列中等待。一次预填充耗时为 提示词 token 数 / --prefill-tok-per-s 秒（0 = 不耗时；预填充
逐个进行）。计时，固定模型（默认）：准入并预填充后经过 --ttft-ms 产生第一个 token，之后
每 --itl-ms 产生一个 token，按绝对截止时间计。批处理模型（给出 --decode-base-ms 时）：
每个 token 耗时一个解码步，即 --decode-base-ms + --decode-per-seq-ms x 正在运行的请求数，因此
延迟随负载增长，吞吐量趋于饱和。选项会覆盖其之前的 --preset 所设的值。
输出长度 n：若 &quot;ignore_eos&quot;: true，则为 max_tokens（缺省时为 16）；否则为 min(max_tokens, L)，
无 max_tokens 时为 L，其中 L 为 --output-tokens 或从 --output-len-dist 中抽取；然后至少为
min_tokens，且至少为 1。n 达到 max_tokens 时 finish_reason 为 &quot;length&quot;，否则为 &quot;stop&quot;。
抽样（长度、故障）只取决于 --seed 和请求的序号（按解析顺序为 1、2、...）。
提示词 token 数（usage.prompt_tokens）：chat = 对所有消息求和
max(1, ceil(内容的 UTF-8 字节数 / 4)) + 每条消息 4；completions = 字符串提示词为 ceil(UTF-8 字节数 / 4)，
列表则为 token id 的个数。使用 --prefix-cache 时，此前见过的开头 16-token
块跳过预填充，并在 usage.prompt_tokens_details.cached_tokens 中报告。
第 k 个输出 token 是 &quot; &quot; + 固定 64 词列表中的一个词，每个 SSE chunk 含 --tokens-per-chunk 个。
--fault/--fault-every 的故障类型（流中途的故障发生在第 ceil(n/2) 个 token）：
  %1。
--trace-out 在每个 completion 请求结束时为其写入一行 JSON（至少每秒刷新一次）：
{&quot;id&quot;,&quot;received_ns&quot;,&quot;arrived_ns&quot;,&quot;headers_ns&quot;,&quot;chunk_ns&quot;:[..],&quot;planned_ns&quot;:[..],&quot;end_ns&quot;,
&quot;prompt_tokens&quot;,&quot;completion_tokens&quot;,&quot;cached_tokens&quot;,&quot;status&quot;,&quot;fault&quot;}，CLOCK_MONOTONIC 纳秒
（arrived_ns：内核收到该请求的时间，内核未提供时为 0）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="114"/>
        <source>Address to listen on.</source>
        <translation>监听地址。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="114"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="115"/>
        <source>Port to listen on; 0 picks a free one.</source>
        <translation>监听端口；0 表示自动选择空闲端口。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="115"/>
        <source>port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="117"/>
        <source>Time to first token in milliseconds.</source>
        <translation>首字延迟（毫秒）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="117"/>
        <location filename="../core/sim/simcommandline.cpp" line="119"/>
        <location filename="../core/sim/simcommandline.cpp" line="140"/>
        <location filename="../core/sim/simcommandline.cpp" line="142"/>
        <location filename="../core/sim/simcommandline.cpp" line="166"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="119"/>
        <source>Inter-token latency in milliseconds.</source>
        <translation>token 间延迟（毫秒）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="121"/>
        <source>Output length when the client does not set ignore_eos.</source>
        <translation>客户端未设置 ignore_eos 时的输出长度。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="122"/>
        <location filename="../core/sim/simcommandline.cpp" line="123"/>
        <location filename="../core/sim/simcommandline.cpp" line="134"/>
        <location filename="../core/sim/simcommandline.cpp" line="147"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="123"/>
        <source>Event-loop threads; 0 uses one per CPU core.</source>
        <translation>事件循环线程数；0 表示每个 CPU 核心一个。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="125"/>
        <source>Model id reported by /v1/models (any model is served).</source>
        <translation>/v1/models 报告的模型 id（任何模型都会提供服务）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="126"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="127"/>
        <source>Require &apos;Authorization: Bearer &lt;key&gt;&apos; on /v1 endpoints.</source>
        <translation>在 /v1 端点上要求 &apos;Authorization: Bearer &lt;key&gt;&apos;。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="128"/>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="129"/>
        <source>Log every request to stderr.</source>
        <translation>将每个请求记录到 stderr。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="131"/>
        <source>Serving-model preset: fast-gpu, slow-cpu, or a JSON file with the long option names as keys.</source>
        <translation>服务模型预设：fast-gpu、slow-cpu，或以长选项名为键的 JSON 文件。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="132"/>
        <source>name|file</source>
        <translation>名称|文件</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="133"/>
        <source>Sequence slots; more requests wait in a FIFO queue.</source>
        <translation>序列槽数；更多的请求在 FIFO 队列中等待。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="135"/>
        <source>Prompt tokens prefilled per second; 0 = free.</source>
        <translation>每秒预填充的提示词 token 数；0 = 不耗时。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="136"/>
        <source>tokens</source>
        <translation>token 数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="138"/>
        <source>Fixed part of a decode step; giving it selects the batched model (ignores --ttft-ms/--itl-ms).</source>
        <translation>解码步骤的固定部分；给出它即选择批处理模型（忽略 --ttft-ms/--itl-ms）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="141"/>
        <source>Decode step cost per running request (batched model).</source>
        <translation>每个运行中请求的解码步骤开销（批处理模型）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="144"/>
        <source>Output length when the client sets no limit: fixed (--output-tokens), uniform:MIN:MAX or normal:MEAN:STD.</source>
        <translation>客户端未设上限时的输出长度：fixed（--output-tokens）、uniform:MIN:MAX 或 normal:MEAN:STD。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="146"/>
        <source>spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="147"/>
        <source>Seed of the per-request draws (lengths, faults).</source>
        <translation>逐请求抽样（长度、故障）的随机种子。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="150"/>
        <source>Report repeated prompt prefixes as cached_tokens and skip their prefill.</source>
        <translation>将重复的提示词前缀报告为 cached_tokens 并跳过其预填充。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="152"/>
        <source>Turn the prefix cache off (after a preset turned it on).</source>
        <translation>关闭前缀缓存（在预设打开它之后）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="154"/>
        <source>Count prompt tokens with this Hugging Face tokenizer (a model folder or tokenizer.json; chat through its chat template) instead of 4 bytes a token.</source>
        <translation>使用此 Hugging Face 分词器计算提示词 token 数（模型文件夹或 tokenizer.json；聊天经由其聊天模板），而不是按每 4 字节一个 token。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="156"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="158"/>
        <source>Advertise keep-alive but close a connection, without an answer, when a second request arrives on it (servers that drop idle keep-alive connections).</source>
        <translation>声明 keep-alive，但在同一连接上收到第二个请求时不应答直接关闭（模拟会丢弃空闲 keep-alive 连接的服务器）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="161"/>
        <source>Advertise keep-alive but close every connection right after its response (as llama.cpp&apos;s server does).</source>
        <translation>声明 keep-alive，但在响应后立即关闭每个连接（与 llama.cpp 的服务器相同）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="164"/>
        <source>With --close-after-response: send the FIN this many ms after the response, reading nothing meanwhile (a client that reuses the connection races the close).</source>
        <translation>配合 --close-after-response：在响应后这么多毫秒发送 FIN，期间不读取任何内容（复用连接的客户端会与关闭发生竞争）。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="167"/>
        <source>Tokens coalesced into one SSE chunk.</source>
        <translation>合并到一个 SSE 块中的 token 数。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="167"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="170"/>
        <source>Inject KIND into each completion request with probability PROB (0..1); repeatable.</source>
        <translation>以概率 PROB（0..1）向每个补全请求注入 KIND；可重复。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="171"/>
        <source>kind:prob</source>
        <translation>类型:概率</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="172"/>
        <source>Inject KIND into every N-th completion request; repeatable.</source>
        <translation>向每第 N 个补全请求注入 KIND；可重复。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="173"/>
        <source>kind:n</source>
        <translation>类型:n</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="174"/>
        <source>Seconds without a byte for stall-mid-stream.</source>
        <translation>stall-mid-stream 故障中无任何字节的秒数。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="174"/>
        <location filename="../core/sim/simcommandline.cpp" line="177"/>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="176"/>
        <source>Seconds before the status line for slow-headers.</source>
        <translation>slow-headers 故障中状态行之前的秒数。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="179"/>
        <source>A thread wakes at most once per this many microseconds; events due in between go out together, that much late at most. 0 = wake for every deadline.</source>
        <translation>一个线程每隔这么多微秒最多唤醒一次；其间到期的事件一起发出，最多晚这么久。0 = 每个截止时间都唤醒。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="181"/>
        <source>us</source>
        <translation>微秒</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="183"/>
        <source>Write every completion request&apos;s write times (ground truth) here, one JSON line each, as they end.</source>
        <translation>在每个 completion 请求结束时，将其写入时间（真实值）写到此处，每个请求一行 JSON。</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="185"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="195"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>意外的参数 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="206"/>
        <source>--%1 expects %2, got &apos;%3&apos;</source>
        <translation>--%1 需要%2，收到 &apos;%3&apos;</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="229"/>
        <source>--port expects a port number from 0 to 65535, got &apos;%1&apos;</source>
        <translation>--port 需要 0 到 65535 之间的端口号，收到 &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="231"/>
        <location filename="../core/sim/simcommandline.cpp" line="233"/>
        <location filename="../core/sim/simcommandline.cpp" line="243"/>
        <location filename="../core/sim/simcommandline.cpp" line="245"/>
        <source>a non-negative number of milliseconds</source>
        <translation>非负的毫秒数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="235"/>
        <location filename="../core/sim/simcommandline.cpp" line="239"/>
        <location filename="../core/sim/simcommandline.cpp" line="249"/>
        <source>a whole number of at least 1</source>
        <translation>至少为 1 的整数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="237"/>
        <source>a whole number from 0 to 1024</source>
        <translation>0 到 1024 之间的整数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="241"/>
        <source>a non-negative number of tokens per second</source>
        <translation>非负的每秒 token 数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="247"/>
        <source>a whole number of milliseconds from 0 to 60000</source>
        <translation>0 到 60000 之间的整数毫秒数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="251"/>
        <source>a non-negative number of microseconds</source>
        <translation>非负的微秒数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="253"/>
        <location filename="../core/sim/simcommandline.cpp" line="255"/>
        <source>a non-negative number of seconds</source>
        <translation>非负的秒数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="265"/>
        <source>a non-negative whole number</source>
        <translation>非负整数</translation>
    </message>
    <message>
        <location filename="../core/sim/simcommandline.cpp" line="292"/>
        <source>--model-name must not be empty</source>
        <translation>--model-name 不能为空</translation>
    </message>
    <message>
        <location filename="../core/storage/csv.cpp" line="81"/>
        <source>a quoted field opened on line %1 never ends</source>
        <translation>第 %1 行开始的引号字段没有结束</translation>
    </message>
    <message>
        <location filename="../core/storage/csvexporter.cpp" line="335"/>
        <location filename="../core/storage/evalscopeexporter.cpp" line="52"/>
        <source>cannot create the folder &apos;%1&apos;; check the path and its permissions</source>
        <translation>无法创建文件夹 &apos;%1&apos;；请检查路径及其权限</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopedatadb.cpp" line="55"/>
        <source>cannot create &apos;%1&apos;: %2</source>
        <translation>无法创建 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="108"/>
        <source>cannot open &apos;%1&apos;: %2</source>
        <translation>无法打开 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="131"/>
        <source>&apos;%1&apos; has no readable `result` table (EvalScope&apos;s benchmark_data.db): %2</source>
        <translation>&apos;%1&apos; 中没有可读的 `result` 表（EvalScope 的 benchmark_data.db）：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="186"/>
        <source>&apos;%1&apos; is not a folder; give an EvalScope output folder (it holds parallel_&lt;P&gt;_number_&lt;N&gt; folders)</source>
        <translation>&apos;%1&apos; 不是文件夹；请提供 EvalScope 输出文件夹（其中包含 parallel_&lt;P&gt;_number_&lt;N&gt; 文件夹）</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="191"/>
        <source>&apos;%1&apos; holds no EvalScope run folder (parallel_&lt;P&gt;_number_&lt;N&gt; or rate_&lt;R&gt;_number_&lt;N&gt; with benchmark_data.db or benchmark_summary.json)</source>
        <translation>&apos;%1&apos; 中没有 EvalScope 运行文件夹（带有 benchmark_data.db 或 benchmark_summary.json 的 parallel_&lt;P&gt;_number_&lt;N&gt; 或 rate_&lt;R&gt;_number_&lt;N&gt;）</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="309"/>
        <source>no benchmark_args.json: the configuration holds only the load of each point</source>
        <translation>没有 benchmark_args.json：配置中只有各测试点的负载</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="317"/>
        <source>no start time: the run&apos;s date is the folder&apos;s modification time</source>
        <translation>没有开始时间：运行日期取文件夹的修改时间</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="368"/>
        <source>%1: benchmark_summary.json counts %2 successful requests, benchmark_data.db holds %3; the metrics follow the data</source>
        <translation>%1：benchmark_summary.json 统计了 %2 个成功请求，benchmark_data.db 中有 %3 个；指标以数据为准</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="379"/>
        <source>no benchmark_data.db in %1: no per-request data there; those points keep EvalScope&apos;s own summary and percentiles, not recomputed</source>
        <translation>%1 中没有 benchmark_data.db：那里没有逐请求数据；这些测试点保留 EvalScope 自己的汇总和百分位，未重新计算</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="384"/>
        <location filename="../core/storage/vllmimporter.cpp" line="288"/>
        <source>no per-chunk times: chunk times rebuilt from TTFT and the ITL list</source>
        <translation>没有逐块时间：块时间由 TTFT 和 ITL 列表重建</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="385"/>
        <source>whether a chunk carried text is not recorded: every chunk counts as content</source>
        <translation>未记录块中是否带有文本：每个块都计为内容</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="386"/>
        <source>no scheduled send times, response-header times, HTTP status or bytes received</source>
        <translation>没有计划发送时间、响应头时间、HTTP 状态或接收字节数</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="387"/>
        <source>token counts may be the server&apos;s or EvalScope&apos;s tokenizer estimate: source unknown</source>
        <translation>token 数可能来自服务器或 EvalScope 的分词器估算：来源未知</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="388"/>
        <source>no warmup requests (EvalScope does not store them)</source>
        <translation>没有预热请求（EvalScope 不保存它们）</translation>
    </message>
    <message>
        <location filename="../core/storage/evalscopeimporter.cpp" line="390"/>
        <source>failed requests carry no error class, status or message</source>
        <translation>失败的请求没有错误类别、状态或消息</translation>
    </message>
    <message>
        <location filename="../core/storage/projectmigrations.cpp" line="140"/>
        <source>upgrading to schema %1 failed at &apos;%2&apos;: %3</source>
        <translation>升级到架构 %1 时在 &apos;%2&apos; 处失败：%3</translation>
    </message>
    <message>
        <location filename="../core/storage/projectreader.cpp" line="199"/>
        <source>project &apos;%1&apos; holds no runs</source>
        <translation>项目 &apos;%1&apos; 中没有运行</translation>
    </message>
    <message>
        <location filename="../core/storage/projectreader.cpp" line="200"/>
        <source>project &apos;%1&apos; has no run &apos;%2&apos;; &apos;runs list&apos; shows the ids</source>
        <translation>项目 &apos;%1&apos; 中没有运行 &apos;%2&apos;；&apos;runs list&apos; 会显示所有 id</translation>
    </message>
    <message>
        <location filename="../core/storage/projectreader.cpp" line="204"/>
        <source>&apos;%1&apos; matches several runs of &apos;%2&apos;; give more of the id</source>
        <translation>&apos;%1&apos; 匹配了 &apos;%2&apos; 中的多个运行；请给出更长的 id</translation>
    </message>
    <message>
        <location filename="../core/dataset/conversationsource.cpp" line="327"/>
        <location filename="../core/storage/runimporter.cpp" line="28"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/runimporter.cpp" line="37"/>
        <source>imported from run %1 of an exported Throughline run</source>
        <translation>导入自导出的 Throughline 运行 %1</translation>
    </message>
    <message>
        <location filename="../core/storage/runimporter.cpp" line="69"/>
        <source>&apos;%1&apos; does not exist</source>
        <translation>&apos;%1&apos; 不存在</translation>
    </message>
    <message>
        <location filename="../core/storage/runimporter.cpp" line="84"/>
        <source>&apos;%1&apos; is neither an EvalScope output folder, a vLLM bench serve result nor a Throughline run export; name the format with --format</source>
        <translation>&apos;%1&apos; 既不是 EvalScope 输出文件夹，也不是 vLLM bench serve 结果或 Throughline 运行导出；请用 --format 指定格式</translation>
    </message>
    <message>
        <location filename="../core/storage/runjson.cpp" line="183"/>
        <source>not JSON, or not a JSON object</source>
        <translation>不是 JSON，或不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/storage/runjson.cpp" line="185"/>
        <source>not a Throughline run export (&quot;format&quot; is not &quot;throughline-run&quot;)</source>
        <translation>不是 Throughline 运行导出（&quot;format&quot; 不是 &quot;throughline-run&quot;）</translation>
    </message>
    <message>
        <location filename="../core/storage/runjson.cpp" line="188"/>
        <source>written by a newer Throughline (run format %1; this version reads up to %2); update Throughline to import it</source>
        <translation>由更新版本的 Throughline 写入（运行格式 %1；此版本最多读取 %2）；请更新 Throughline 后再导入</translation>
    </message>
    <message>
        <location filename="../core/storage/runjson.cpp" line="213"/>
        <source>the run has no &quot;config&quot; object</source>
        <translation>运行中没有 &quot;config&quot; 对象</translation>
    </message>
    <message>
        <location filename="../core/storage/runjson.cpp" line="216"/>
        <source>the run has no &quot;points&quot; list</source>
        <translation>运行中没有 &quot;points&quot; 列表</translation>
    </message>
    <message>
        <location filename="../core/storage/runjson.cpp" line="227"/>
        <source>point %1 is malformed: %2</source>
        <translation>测试点 %1 格式错误：%2</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="144"/>
        <source>&apos;%1&apos; is not a vLLM bench serve result (a JSON object with &quot;duration&quot;, &quot;completed&quot; and the throughput keys, as --save-result writes)</source>
        <translation>&apos;%1&apos; 不是 vLLM bench serve 结果（即 --save-result 写出的、带有 &quot;duration&quot;、&quot;completed&quot; 和吞吐量键的 JSON 对象）</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="165"/>
        <source>no &quot;date&quot;: the run&apos;s date is the file&apos;s modification time</source>
        <translation>没有 &quot;date&quot;：运行日期取文件的修改时间</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="167"/>
        <source>no endpoint URL (vLLM does not save --base-url/--host/--port)</source>
        <translation>没有端点 URL（vLLM 不保存 --base-url/--host/--port）</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="177"/>
        <source>&apos;%1&apos;: object %2 is not a vLLM bench serve result</source>
        <translation>&apos;%1&apos;：对象 %2 不是 vLLM bench serve 结果</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="286"/>
        <source>no per-request send times: every request is placed at the start of its point, and the test duration is vLLM&apos;s &quot;duration&quot;</source>
        <translation>没有逐请求发送时间：每个请求都放在其测试点的开始，测试时长取 vLLM 的 &quot;duration&quot;</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="289"/>
        <source>TPOT follows EvalScope (one-token requests count as 0); vLLM&apos;s own TPOT leaves them out</source>
        <translation>TPOT 按 EvalScope 计算（单 token 请求计为 0）；vLLM 自己的 TPOT 不计入它们</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="291"/>
        <source>no response-header times, HTTP status or bytes received; failures keep vLLM&apos;s error text</source>
        <translation>没有响应头时间、HTTP 状态或接收字节数；失败保留 vLLM 的错误文本</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="292"/>
        <source>output token counts are the server&apos;s or vLLM&apos;s tokenizer estimate: source unknown</source>
        <translation>输出 token 数可能来自服务器或 vLLM 的分词器估算：来源未知</translation>
    </message>
    <message>
        <location filename="../core/storage/vllmimporter.cpp" line="295"/>
        <source>no per-request data (saved without --save-detailed): the summary and percentiles are vLLM&apos;s own figures, not recomputed; vLLM&apos;s TPOT leaves out one-token requests</source>
        <translation>没有逐请求数据（保存时未使用 --save-detailed）：汇总和百分位是 vLLM 自己的数值，未重新计算；vLLM 的 TPOT 不计入单 token 请求</translation>
    </message>
    <message>
        <location filename="../core/config/commandline.cpp" line="84"/>
        <source>unterminated %1 quote</source>
        <translation>未闭合的 %1 引号</translation>
    </message>
    <message>
        <location filename="../core/config/commandline.cpp" line="154"/>
        <source>not a benchmark command: give &apos;evalscope perf --flag value …&apos; or &apos;throughline-cli run …&apos;</source>
        <translation>不是基准测试命令：请给出 &apos;evalscope perf --flag value …&apos; 或 &apos;throughline-cli run …&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/commandline.cpp" line="170"/>
        <source>a file of this machine; give its flags</source>
        <translation>这是本机上的文件；请给出其参数</translation>
    </message>
    <message>
        <location filename="../core/config/commandline.cpp" line="172"/>
        <source>not an option Throughline knows</source>
        <translation>不是 Throughline 认识的选项</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/dataset/promptpreview.cpp" line="29"/>
        <source>(%n token id(s))</source>
        <translation>
            <numerusform>（%n 个 token ID）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/dataset/promptpreview.cpp" line="49"/>
        <source>the dataset is not downloaded yet (%1); a run downloads it</source>
        <translation>数据集尚未下载（%1）；运行时会下载</translation>
    </message>
    <message>
        <location filename="../core/engine/modellistfetcher.cpp" line="47"/>
        <source>the answer is no model list (no &quot;data&quot; array)</source>
        <translation>返回内容不是模型列表（没有 &quot;data&quot; 数组）</translation>
    </message>
    <message>
        <location filename="../core/engine/modellistfetcher.cpp" line="104"/>
        <source>%1 could not be reached: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="53"/>
        <source>the listing is larger than %1 MiB</source>
        <translation>文件列表大于 %1 MiB</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="71"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="73"/>
        <source>%1 answered 404 Not Found (check the dataset name, or download its files yourself and pass --dataset-path)</source>
        <translation>%1 返回 404 Not Found（请检查数据集名称，或自行下载其文件并传入 --dataset-path）</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="77"/>
        <location filename="../core/engine/modellistfetcher.cpp" line="109"/>
        <source>%1 answered HTTP %2</source>
        <translation>%1 返回 HTTP %2</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="127"/>
        <source>its next page is on another server (%1)</source>
        <translation>其下一页位于另一台服务器上（%1）</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="131"/>
        <location filename="../core/dataset/hubresolver.cpp" line="165"/>
        <source>the listing has more than %1 pages</source>
        <translation>文件列表超过 %1 页</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="179"/>
        <source>dataset &apos;%1&apos; is not a split of a %2 repository</source>
        <translation>数据集 &apos;%1&apos; 不是 %2 仓库中的某个划分</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="190"/>
        <source>dataset &apos;%1&apos;: cannot list %2&apos;s files of %3 (%4): %5</source>
        <translation>数据集 &apos;%1&apos;：无法列出 %2 上 %3 的文件（%4）：%5</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/dataset/hubresolver.cpp" line="197"/>
        <source>%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/dataset/hubresolver.cpp" line="198"/>
        <source>dataset &apos;%1&apos;: %2&apos;s listing of %3 names no Parquet file of the %4 split (looked for data/%4-NNNNN-of-NNNNN.parquet, &lt;config&gt;/%4-NNNNN-of-NNNNN.parquet, %4/*.parquet, %4.parquet; it lists %5 file(s)%6%7)</source>
        <translation>数据集 &apos;%1&apos;：%2 上 %3 的文件列表中没有 %4 划分的 Parquet 文件（查找了 data/%4-NNNNN-of-NNNNN.parquet、&lt;config&gt;/%4-NNNNN-of-NNNNN.parquet、%4/*.parquet、%4.parquet；列表中有 %5 个文件%6%7）</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/dataset/hubresolver.cpp" line="204"/>
        <source>, and %n malformed entry(s)</source>
        <translation>
            <numerusform>，以及 %n 个格式错误的条目</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="14"/>
        <source>Service-level objectives for goodput, in milliseconds: ttft:MS tpot:MS e2el:MS (any of them). A request is good when it succeeded and every SLO given holds; goodput = good requests per second of the point (vLLM&apos;s meaning), with each SLO&apos;s attainment in percent.</source>
        <translation>用于 goodput 的服务等级目标（SLO），单位为毫秒：ttft:MS tpot:MS e2el:MS（任选其一或多个）。请求成功且满足所给的每个 SLO 即为达标请求；goodput = 该测试点每秒的达标请求数（与 vLLM 的含义相同），并给出每个 SLO 的达成率（百分比）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="18"/>
        <source>TTFT, TPOT and e2el are EvalScope&apos;s per-request TTFT, TPOT and latency; a limit holds when the value is at most the limit. Failed requests miss every SLO. A stored run can be re-evaluated with other SLOs: throughline-cli runs show RUN --goodput ttft:300.</source>
        <translation>TTFT、TPOT 和 e2el 分别是 EvalScope 的逐请求 TTFT、TPOT 和延迟；值不超过限值即满足该限值。失败的请求不满足任何 SLO。已保存的运行可以用其他 SLO 重新评估：throughline-cli runs show RUN --goodput ttft:300。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="33"/>
        <source>Run each sweep point N times with the same seed, --sleep-interval seconds apart, and report the mean, standard deviation, coefficient of variation and a t-distribution confidence interval of each metric over the repetitions (default 1). Each repetition is a point of the run.</source>
        <translation>将每个扫描测试点以相同的种子运行 N 次，每次间隔 --sleep-interval 秒，并报告各指标在这些重复之间的均值、标准差、变异系数和 t 分布置信区间（默认 1）。每次重复都是该运行的一个测试点。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="42"/>
        <source>Confidence level of the intervals over --num-runs repetitions and --sla-num-runs probes, between 0 and 1 (default 0.95).</source>
        <translation>对 --num-runs 次重复和 --sla-num-runs 次探测所求区间的置信水平，介于 0 和 1 之间（默认 0.95）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="50"/>
        <source>must be below 1 (got %1); e.g. 0.95 for a 95% interval</source>
        <translation>必须小于 1（收到 %1）；例如 0.95 表示 95% 区间</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="56"/>
        <source>list (default): the --parallel (or --rate) values as given. auto: a synchronous point, a maximum-throughput point at --parallel (every request at once in open loop), then points spread evenly between their measured throughputs, --sweep-points in all (GuideLLM&apos;s sweep).</source>
        <translation>list（默认）：按给定的 --parallel（或 --rate）值运行。auto：先运行一个同步点、一个在 --parallel 下的最大吞吐点（开环时所有请求同时发出），再在两者测得的吞吐量之间均匀分布其余点，共 --sweep-points 个点（GuideLLM 的扫描方式）。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="60"/>
        <source>With auto the rates between are r_i = sync + (max - sync) x i / (K - 1), i = 1..K-2, from the anchors&apos; measured request throughput (the mean of their --num-runs repetitions). Open loop runs them as arrival rates; closed loop as the concurrency round(r_i / sync) that carries r_i at the synchronous latency (Little&apos;s law), between 2 and --parallel - 1, without duplicates. Takes one --number and no --rate.</source>
        <translation>使用 auto 时，中间各点的速率为 r_i = sync + (max - sync) x i / (K - 1)，i = 1..K-2，取自两个锚点测得的请求吞吐量（其 --num-runs 次重复的平均值）。开环时作为到达速率运行；闭环时作为在同步延迟下承载 r_i 的并发数 round(r_i / sync)（利特尔定律），取值在 2 到 --parallel - 1 之间，不重复。只接受一个 --number，不接受 --rate。</translation>
    </message>
    <message>
        <location filename="../core/config/parameters_capacity.cpp" line="73"/>
        <source>--sweep auto: the points in all, the two anchors included (default 6; closed loop may run fewer when two rates map to one concurrency).</source>
        <translation>--sweep auto：总点数，包括两个锚点（默认 6；闭环时若两个速率对应同一并发数，点数可能更少）。</translation>
    </message>
    <message>
        <location filename="../core/dataset/imagesynth.cpp" line="59"/>
        <source>&apos;%1&apos; is not a colour mode Throughline can write; use RGB (default), RGBA, L, LA or 1</source>
        <translation>&apos;%1&apos; 不是 Throughline 可写出的颜色模式；请使用 RGB（默认）、RGBA、L、LA 或 1</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="59"/>
        <source>requests left %1 ms behind their schedule (p99 &gt; %2 ms)</source>
        <translation>请求比计划落后 %1 ms（p99 &gt; %2 ms）</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="63"/>
        <source>%1% of the load asked for was applied (&lt; %2%)</source>
        <translation>只施加了所要求负载的 %1%（&lt; %2%）</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="67"/>
        <source>the client used %1% of the machine&apos;s CPU (&gt; %2%)</source>
        <translation>客户端占用了本机 %1% 的 CPU（&gt; %2%）</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="71"/>
        <source>the machine&apos;s CPUs were %1% busy (&gt; %2%): the client waited for a CPU behind other work</source>
        <translation>本机 CPU 繁忙度为 %1%（&gt; %2%）：客户端需排在其他任务之后等待 CPU</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="75"/>
        <source>%1 events per socket read (&gt; %2): the client read in bursts</source>
        <translation>每次套接字读取 %1 个事件（&gt; %2）：客户端在成批读取</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="82"/>
        <source>schedule lag p99 %1 ms</source>
        <translation>计划滞后 p99 %1 ms</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="84"/>
        <source>%1% of the load applied</source>
        <translation>已施加 %1% 的负载</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="86"/>
        <source>client CPU %1%</source>
        <translation>客户端 CPU %1%</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="88"/>
        <source>%1 events per read</source>
        <translation>每次读取 %1 个事件</translation>
    </message>
    <message>
        <location filename="../core/metrics/harnesshealth.cpp" line="90"/>
        <source>machine CPUs %1% busy</source>
        <translation>本机 CPU 繁忙度 %1%</translation>
    </message>
    <message>
        <location filename="../core/model/goodput.cpp" line="46"/>
        <source>&apos;%1&apos; is not an SLO; give METRIC:MS with METRIC ttft, tpot or e2el and a positive number of milliseconds, e.g. ttft:300 tpot:50</source>
        <translation>&apos;%1&apos; 不是 SLO；请按 METRIC:MS 给出，其中 METRIC 为 ttft、tpot 或 e2el，MS 为正的毫秒数，例如 ttft:300 tpot:50</translation>
    </message>
    <message>
        <location filename="../core/model/goodput.cpp" line="52"/>
        <source>&apos;%1&apos; repeats the %2 SLO; give each metric once</source>
        <translation>&apos;%1&apos; 重复了 %2 SLO；每个指标只能给出一次</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="60"/>
        <source>must be a JSON object, e.g. --dataset-args &apos;{&quot;first_turn_length&quot;: [8000, 16000]}&apos;</source>
        <translation>必须是 JSON 对象，例如 --dataset-args &apos;{&quot;first_turn_length&quot;: [8000, 16000]}&apos;</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="67"/>
        <source>&quot;%1&quot; must be a whole number of tokens &gt; 0 or [min, max]</source>
        <translation>&quot;%1&quot; 必须是大于 0 的整数 token 数或 [min, max]</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="73"/>
        <source>&quot;chars_per_token&quot; must be a number &gt; 0</source>
        <translation>&quot;chars_per_token&quot; 必须是大于 0 的数字</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="78"/>
        <source>unknown key &quot;%1&quot; for swe_smith; the keys are first_turn_length, subsequent_turn_length, chars_per_token</source>
        <translation>swe_smith 的未知键 &quot;%1&quot;；可用的键为 first_turn_length、subsequent_turn_length、chars_per_token</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="98"/>
        <source>expected {&quot;conversations&quot;: [[{&quot;messages&quot;: [...], &quot;prompt_tokens&quot;: N}, ...], ...]}</source>
        <translation>应为 {&quot;conversations&quot;: [[{&quot;messages&quot;: [...], &quot;prompt_tokens&quot;: N}, ...], ...]}</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="106"/>
        <source>conversation %1 is not a list of turns</source>
        <translation>对话 %1 不是由轮次组成的列表</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="112"/>
        <source>conversation %1: each turn must be an object with a &quot;messages&quot; list</source>
        <translation>对话 %1：每一轮必须是带有 &quot;messages&quot; 列表的对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="118"/>
        <source>conversation %1: each message must have &quot;role&quot; and &quot;content&quot;</source>
        <translation>对话 %1：每条消息必须有 &quot;role&quot; 和 &quot;content&quot;</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="134"/>
        <source>no conversation with a turn</source>
        <translation>没有包含轮次的对话</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="145"/>
        <source>not a JSON object with a &quot;messages&quot; list (a SWE-smith trajectory)</source>
        <translation>不是带有 &quot;messages&quot; 列表的 JSON 对象（SWE-smith 轨迹）</translation>
    </message>
    <message>
        <location filename="../core/dataset/swesmithbuilder.cpp" line="161"/>
        <source>&quot;messages&quot; is not a list of messages (nor JSON text holding one)</source>
        <translation>&quot;messages&quot; 不是消息列表（也不是包含消息列表的 JSON 文本）</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="69"/>
        <source>must be a JSON object, e.g. --dataset-args &apos;{&quot;speed&quot;: 2}&apos;</source>
        <translation>必须是 JSON 对象，例如 --dataset-args &apos;{&quot;speed&quot;: 2}&apos;</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="75"/>
        <source>&quot;speed&quot; must be a number &gt; 0 (2 replays the trace twice as fast)</source>
        <translation>&quot;speed&quot; 必须是大于 0 的数字（2 表示以两倍速度重放跟踪）</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="81"/>
        <source>&quot;model_override&quot; must be a model name (a string)</source>
        <translation>&quot;model_override&quot; 必须是模型名称（字符串）</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="87"/>
        <source>&quot;model_mapping&quot; must be an object of trace model -&gt; served model names</source>
        <translation>&quot;model_mapping&quot; 必须是由跟踪模型 -&gt; 服务模型名称组成的对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="93"/>
        <source>&quot;model_mapping&quot; maps &quot;%1&quot; to something that is not a model name</source>
        <translation>&quot;model_mapping&quot; 将 &quot;%1&quot; 映射到了不是模型名称的内容</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="102"/>
        <source>&quot;match_output_length&quot; must be true or false</source>
        <translation>&quot;match_output_length&quot; 必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="107"/>
        <source>unknown key &quot;%1&quot; for workload_trace; the keys are speed, model_override, model_mapping, match_output_length</source>
        <translation>workload_trace 的未知键 &quot;%1&quot;；可用的键为 speed、model_override、model_mapping、match_output_length</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="121"/>
        <source>&quot;timestamp&quot; must be seconds since the epoch (&gt;= 0) or an ISO-8601 time</source>
        <translation>&quot;timestamp&quot; 必须是自纪元起的秒数（&gt;= 0）或 ISO-8601 时间</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="129"/>
        <source>&quot;timestamp&quot; must be a number of seconds or an ISO-8601 string</source>
        <translation>&quot;timestamp&quot; 必须是秒数或 ISO-8601 字符串</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="140"/>
        <source>&quot;timestamp&quot; &apos;%1&apos; is not an ISO-8601 time like 2026-01-31T12:00:00.250Z</source>
        <translation>&quot;timestamp&quot; &apos;%1&apos; 不是形如 2026-01-31T12:00:00.250Z 的 ISO-8601 时间</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="151"/>
        <source>&quot;timestamp&quot; &apos;%1&apos; is before 1970</source>
        <translation>&quot;timestamp&quot; &apos;%1&apos; 早于 1970 年</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="163"/>
        <source>nests arrays/objects deeper than %1 levels</source>
        <translation>数组/对象嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="168"/>
        <source>not a JSON object with &quot;body&quot; and &quot;timestamp&quot;</source>
        <translation>不是带有 &quot;body&quot; 和 &quot;timestamp&quot; 的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="173"/>
        <source>unknown field &quot;%1&quot;; the fields are %2</source>
        <translation>未知字段 &quot;%1&quot;；可用的字段为 %2</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="181"/>
        <source>no &quot;body&quot;</source>
        <translation>没有 &quot;body&quot;</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="192"/>
        <source>&quot;body&quot; must be a JSON object (or a string holding one)</source>
        <translation>&quot;body&quot; 必须是 JSON 对象（或包含 JSON 对象的字符串）</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="197"/>
        <source>&quot;body&quot; holds the reserved key &quot;%1&quot;</source>
        <translation>&quot;body&quot; 包含保留键 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="203"/>
        <source>no &quot;timestamp&quot;</source>
        <translation>没有 &quot;timestamp&quot;</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="212"/>
        <source>&quot;headers&quot; must be an object of header name -&gt; value strings</source>
        <translation>&quot;headers&quot; 必须是由头名称 -&gt; 值字符串组成的对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="217"/>
        <source>&quot;headers&quot; has an invalid header name &quot;%1&quot;</source>
        <translation>&quot;headers&quot; 包含无效的头名称 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="221"/>
        <source>&quot;headers&quot;: the value of &quot;%1&quot; must be a string without line breaks</source>
        <translation>&quot;headers&quot;：&quot;%1&quot; 的值必须是不含换行的字符串</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="230"/>
        <source>&quot;request_id&quot; must be a string</source>
        <translation>&quot;request_id&quot; 必须是字符串</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="237"/>
        <source>&quot;completion_tokens&quot; must be a whole number &gt; 0</source>
        <translation>&quot;completion_tokens&quot; 必须是大于 0 的整数</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="286"/>
        <source>workload_trace reads a JSONL trace: cannot read &apos;%1&apos;%2</source>
        <translation>workload_trace 读取 JSONL 跟踪：无法读取 &apos;%1&apos;%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="302"/>
        <source>line %1: longer than %2 bytes</source>
        <translation>第 %1 行：长度超过 %2 字节</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="310"/>
        <source>&apos;%1&apos; holds more than %2 records; replay a part of it</source>
        <translation>&apos;%1&apos; 包含超过 %2 条记录；请只重放其中一部分</translation>
    </message>
    <message numerus="yes">
        <location filename="../core/dataset/tracesource.cpp" line="325"/>
        <source>&apos;%1&apos; has %n invalid record(s): </source>
        <translation>
            <numerusform>&apos;%1&apos; 有 %n 条无效记录：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/dataset/tracesource.cpp" line="327"/>
        <source>; and %n more</source>
        <translation>
            <numerusform>；另有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="331"/>
        <source>&apos;%1&apos; holds no trace records</source>
        <translation>&apos;%1&apos; 不包含跟踪记录</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="336"/>
        <source>&apos;%1&apos;: records are not in timestamp order; they are replayed sorted by timestamp</source>
        <translation>&apos;%1&apos;：记录未按时间戳排序；将按时间戳排序后重放</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="377"/>
        <source>its timestamp differs from the one loaded</source>
        <translation>其时间戳与已加载的不同</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="384"/>
        <source>&apos;%1&apos; changed during the run: line %2: %3; do not edit a trace while it is replayed</source>
        <translation>&apos;%1&apos; 在运行期间被更改：第 %2 行：%3；重放跟踪时请勿编辑它</translation>
    </message>
    <message>
        <location filename="../core/dataset/tracesource.cpp" line="387"/>
        <source>cannot be read back</source>
        <translation>无法读回</translation>
    </message>
    <message>
        <location filename="../core/dataset/trieworkload.cpp" line="32"/>
        <source>not a JSON object with input_prompt_length, num_turns and the per-turn lengths</source>
        <translation>不是带有 input_prompt_length、num_turns 和每轮长度的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../core/dataset/trieworkload.cpp" line="38"/>
        <source>&quot;num_turns&quot; must be a whole number from 0 to %1</source>
        <translation>&quot;num_turns&quot; 必须是 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <location filename="../core/dataset/trieworkload.cpp" line="45"/>
        <source>&quot;%1&quot; must be a whole number of tokens &gt;= 0</source>
        <translation>&quot;%1&quot; 必须是大于等于 0 的整数 token 数</translation>
    </message>
    <message>
        <location filename="../core/dataset/trieworkload.cpp" line="54"/>
        <source>&quot;%1&quot; must be a list of num_turns (%2) values</source>
        <translation>&quot;%1&quot; 必须是包含 num_turns（%2）个值的列表</translation>
    </message>
    <message>
        <location filename="../core/dataset/trieworkload.cpp" line="61"/>
        <source>&quot;tool_call_latency&quot; values must be seconds &gt;= 0</source>
        <translation>&quot;tool_call_latency&quot; 的值必须是大于等于 0 的秒数</translation>
    </message>
    <message>
        <location filename="../core/dataset/trieworkload.cpp" line="62"/>
        <source>&quot;%1&quot; values must be whole numbers of tokens &gt;= 0</source>
        <translation>&quot;%1&quot; 的值必须是大于等于 0 的整数 token 数</translation>
    </message>
    <message>
        <location filename="../core/engine/localserver.cpp" line="27"/>
        <source>--attn-implementation: vLLM&apos;s server has no such option; it is not passed on (name it in --local-server-command with {attn_implementation})</source>
        <translation>--attn-implementation：vLLM 的服务器没有此选项；不会传递它（请在 --local-server-command 中用 {attn_implementation} 指定）</translation>
    </message>
    <message>
        <location filename="../core/engine/localserver.cpp" line="62"/>
        <source>--local-server-command: cannot read the command</source>
        <translation>--local-server-command：无法读取命令</translation>
    </message>
    <message>
        <location filename="../core/engine/localserver.cpp" line="80"/>
        <source>the local server crashed; its output is in %1</source>
        <translation>本地服务器崩溃；其输出位于 %1</translation>
    </message>
    <message>
        <location filename="../core/engine/localserver.cpp" line="81"/>
        <source>the local server exited with code %1; its output is in %2</source>
        <translation>本地服务器以代码 %1 退出；其输出位于 %2</translation>
    </message>
    <message>
        <location filename="../core/engine/localserver.cpp" line="86"/>
        <source>--local-server-command: cannot start &apos;%1&apos;: %2</source>
        <translation>--local-server-command：无法启动 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/metrics/slatuner.cpp" line="53"/>
        <source>not given</source>
        <translation>未给出</translation>
    </message>
    <message>
        <location filename="../core/metrics/slatuner.cpp" line="61"/>
        <source>&apos;%1&apos; is not parallel or rate</source>
        <translation>&apos;%1&apos; 不是 parallel 或 rate</translation>
    </message>
    <message>
        <location filename="../core/metrics/slatuner.cpp" line="64"/>
        <location filename="../core/metrics/slatuner.cpp" line="71"/>
        <location filename="../core/metrics/slatuner.cpp" line="79"/>
        <source>must be at least 1 (got %1)</source>
        <translation>必须至少为 1（实际为 %1）</translation>
    </message>
    <message>
        <location filename="../core/metrics/slatuner.cpp" line="76"/>
        <source>must be above 0 (got %1)</source>
        <translation>必须大于 0（实际为 %1）</translation>
    </message>
    <message>
        <location filename="../core/metrics/slatuner.cpp" line="504"/>
        <source>searching</source>
        <translation>搜索中</translation>
    </message>
    <message>
        <location filename="../core/metrics/slatuner.cpp" line="506"/>
        <source>None (failed at the lower bound)</source>
        <translation>无（在下限处失败）</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="52"/>
        <source>%1: &apos;%2&apos; is not a condition; give &lt;=, &lt;, &gt;= or &gt; and a number, e.g. %3, or &quot;max&quot;/&quot;min&quot;</source>
        <translation>%1：&apos;%2&apos; 不是条件；请给出 &lt;=、&lt;、&gt;= 或 &gt; 加一个数字，例如 %3，或 &quot;max&quot;/&quot;min&quot;</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="69"/>
        <source>%1: unit &apos;%2&apos; is not ms or s, e.g. %3</source>
        <translation>%1：单位 &apos;%2&apos; 不是 ms 或 s，例如 %3</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="71"/>
        <source>%1: takes a plain number (%2), not &apos;%3&apos;, e.g. %4</source>
        <translation>%1：只接受纯数字（%2），而不是 &apos;%3&apos;，例如 %4</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="77"/>
        <source>%1: &apos;%2&apos; is not a finite number</source>
        <translation>%1：&apos;%2&apos; 不是有限数字</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="158"/>
        <source>give the SLA criteria, e.g. %1</source>
        <translation>请给出 SLA 条件，例如 %1</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="160"/>
        <source>nests deeper than %1 levels</source>
        <translation>嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="163"/>
        <source>is not a JSON object or list of objects, e.g. %1</source>
        <translation>不是 JSON 对象或对象列表，例如 %1</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="166"/>
        <source>gives no criteria group, e.g. %1</source>
        <translation>没有给出任何条件组，例如 %1</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="170"/>
        <source>each group must be a non-empty JSON object, e.g. %1</source>
        <translation>每组必须是非空 JSON 对象，例如 %1</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="176"/>
        <source>&apos;%1&apos; is not an SLA metric; use one of %2</source>
        <translation>&apos;%1&apos; 不是 SLA 指标；请使用 %2 之一</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="182"/>
        <source>%1: the condition must be a string such as &quot;&lt;=2s&quot; or &quot;max&quot;</source>
        <translation>%1：条件必须是字符串，例如 &quot;&lt;=2s&quot; 或 &quot;max&quot;</translation>
    </message>
    <message>
        <location filename="../core/model/slacriteria.cpp" line="195"/>
        <source>&quot;max&quot;/&quot;min&quot; must be the only condition of the only group, e.g. &apos;{&quot;tps&quot;: &quot;max&quot;}&apos;</source>
        <translation>&quot;max&quot;/&quot;min&quot; 必须是唯一分组中的唯一条件，例如 &apos;{&quot;tps&quot;: &quot;max&quot;}&apos;</translation>
    </message>
    <message>
        <location filename="../core/net/qnamtransport.cpp" line="240"/>
        <source>the server sent the interim response %1 before its answer, which the qt transport cannot skip (Qt takes it for the answer); use --transport lean for http:// URLs</source>
        <translation>服务器在应答前发送了中间响应 %1，qt 传输无法跳过它（Qt 会把它当作应答）；对于 http:// URL 请使用 --transport lean</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="64"/>
        <location filename="../core/dataset/parquetthrift.h" line="86"/>
        <location filename="../core/dataset/parquetthrift.h" line="135"/>
        <location filename="../core/dataset/parquetthrift.h" line="204"/>
        <location filename="../core/dataset/parquetthrift.h" line="227"/>
        <location filename="../core/dataset/parquetthrift.h" line="250"/>
        <source>metadata cut short</source>
        <translation>元数据被截断</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="72"/>
        <source>a number in the metadata is too long</source>
        <translation>元数据中的某个数字过长</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="96"/>
        <location filename="../core/dataset/parquetthrift.h" line="105"/>
        <location filename="../core/dataset/parquetthrift.h" line="112"/>
        <location filename="../core/dataset/parquetthrift.h" line="156"/>
        <source>a metadata field has the wrong type</source>
        <translation>某个元数据字段类型错误</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="117"/>
        <source>a string in the metadata runs past its end</source>
        <translation>元数据中的某个字符串超出其末尾</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="129"/>
        <location filename="../core/dataset/parquetthrift.h" line="167"/>
        <source>metadata nests too deeply</source>
        <translation>元数据嵌套过深</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="198"/>
        <source>a metadata map is larger than the metadata</source>
        <translation>某个元数据映射比元数据本身还大</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="218"/>
        <source>unknown metadata type %1</source>
        <translation>未知的元数据类型 %1</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetthrift.h" line="235"/>
        <source>a metadata list is larger than the metadata</source>
        <translation>某个元数据列表比元数据本身还大</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="125"/>
        <source>bit width %1 is out of range</source>
        <translation>位宽 %1 超出范围</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="135"/>
        <location filename="../core/dataset/parquetreader.cpp" line="148"/>
        <location filename="../core/dataset/parquetreader.cpp" line="175"/>
        <source>encoded values cut short</source>
        <translation>编码值被截断</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="166"/>
        <location filename="../core/dataset/parquetreader.cpp" line="183"/>
        <source>an encoded value is out of range</source>
        <translation>某个编码值超出范围</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="213"/>
        <location filename="../core/dataset/parquetreader.cpp" line="221"/>
        <location filename="../core/dataset/parquetreader.cpp" line="277"/>
        <source>a page holds fewer values than it says</source>
        <translation>某页包含的值少于其声明的数量</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="263"/>
        <source>column &apos;%1&apos; has a fixed length of %2</source>
        <translation>列 &apos;%1&apos; 的固定长度为 %2</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="283"/>
        <source>a value runs past the end of its page</source>
        <translation>某个值超出其页的末尾</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="293"/>
        <source>column &apos;%1&apos; has the unknown physical type %2</source>
        <translation>列 &apos;%1&apos; 的物理类型 %2 未知</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="28"/>
        <source>snappy data has no valid length</source>
        <translation>snappy 数据没有有效的长度</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="37"/>
        <source>snappy data holds %1 bytes where the page says %2</source>
        <translation>snappy 数据有 %1 字节，而页声明为 %2</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="53"/>
        <location filename="../core/dataset/parquetcodec.cpp" line="73"/>
        <location filename="../core/dataset/parquetcodec.cpp" line="82"/>
        <location filename="../core/dataset/parquetcodec.cpp" line="91"/>
        <location filename="../core/dataset/parquetcodec.cpp" line="108"/>
        <source>snappy data cut short</source>
        <translation>snappy 数据被截断</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="63"/>
        <source>a snappy literal runs past its end</source>
        <translation>某个 snappy 字面量超出其末尾</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="100"/>
        <source>a snappy copy points outside the data</source>
        <translation>某个 snappy 复制指向数据之外</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="119"/>
        <source>cannot start zlib</source>
        <translation>无法启动 zlib</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="136"/>
        <source>gzip data is corrupt or does not hold the %1 bytes the page says</source>
        <translation>gzip 数据已损坏，或不包含页声明的 %1 字节</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="148"/>
        <source>zstd data is corrupt or does not hold the %1 bytes the page says</source>
        <translation>zstd 数据已损坏，或不包含页声明的 %1 字节</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetcodec.cpp" line="156"/>
        <source>this build of Throughline reads no ZSTD-compressed Parquet (built without libzstd)</source>
        <translation>此版本的 Throughline 无法读取 ZSTD 压缩的 Parquet（构建时未包含 libzstd）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="330"/>
        <source>&apos;%1&apos; is not a readable Parquet file: %2</source>
        <translation>&apos;%1&apos; 不是可读取的 Parquet 文件：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="350"/>
        <location filename="../core/dataset/parquetreader.cpp" line="1093"/>
        <source>column &apos;%1&apos; ends before the row group&apos;s last row</source>
        <translation>列 &apos;%1&apos; 在行组的最后一行之前结束</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="398"/>
        <source>it is %1 bytes long</source>
        <translation>它只有 %1 字节</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="405"/>
        <source>it does not start with PAR1</source>
        <translation>它不以 PAR1 开头</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="409"/>
        <source>it is encrypted</source>
        <translation>它已加密</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="413"/>
        <source>it does not end with PAR1 (cut short?)</source>
        <translation>它不以 PAR1 结尾（被截断？）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="419"/>
        <source>its footer says %1 bytes, more than the file holds (cut short?)</source>
        <translation>其页脚声明 %1 字节，超过文件的大小（被截断？）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="427"/>
        <source>cannot read its footer</source>
        <translation>无法读取其页脚</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="482"/>
        <source>a column chunk is not a struct</source>
        <translation>某个列块不是结构体</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="540"/>
        <source>its schema is malformed or has more than %1 elements</source>
        <translation>其模式格式错误或超过 %1 个元素</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="554"/>
        <source>a row group is not a struct</source>
        <translation>某个行组不是结构体</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="567"/>
        <source>its footer is malformed (%1)</source>
        <translation>其页脚格式错误（%1）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="571"/>
        <source>its footer has no schema</source>
        <translation>其页脚没有模式</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="587"/>
        <source>its schema&apos;s root has %1 columns for %2 elements</source>
        <translation>其模式的根有 %1 列，但共有 %2 个元素</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="595"/>
        <source>its schema has elements outside the root</source>
        <translation>其模式有位于根之外的元素</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="606"/>
        <source>column &apos;%1&apos; has an unknown repetition</source>
        <translation>列 &apos;%1&apos; 的重复类型未知</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="613"/>
        <source>its schema nests deeper than %1 levels</source>
        <translation>其模式嵌套超过 %1 层</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="618"/>
        <source>group &apos;%1&apos; has more children than the schema has elements</source>
        <translation>组 &apos;%1&apos; 的子项多于模式中的元素</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="624"/>
        <source>column &apos;%1&apos; has no physical type</source>
        <translation>列 &apos;%1&apos; 没有物理类型</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="635"/>
        <source>its schema ends inside group &apos;%1&apos;</source>
        <translation>其模式在组 &apos;%1&apos; 内部结束</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="649"/>
        <source>group &apos;%1&apos; has no columns</source>
        <translation>组 &apos;%1&apos; 没有列</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="657"/>
        <source>row group %1 has %2 columns where the schema has %3</source>
        <translation>行组 %1 有 %2 列，而模式有 %3 列</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="664"/>
        <source>row group %1 has a negative row count</source>
        <translation>行组 %1 的行数为负</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="705"/>
        <source>an uncompressed page is %1 bytes where its header says %2</source>
        <translation>某个未压缩页有 %1 字节，而其页头声明为 %2</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="718"/>
        <source>compression %1 is not supported (UNCOMPRESSED, SNAPPY, GZIP and ZSTD are)</source>
        <translation>不支持压缩方式 %1（支持 UNCOMPRESSED、SNAPPY、GZIP 和 ZSTD）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="803"/>
        <source>its data is in another file</source>
        <translation>其数据位于另一个文件中</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="807"/>
        <source>its chunk&apos;s type %1 differs from the schema&apos;s %2</source>
        <translation>其列块的类型 %1 与模式中的 %2 不同</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="811"/>
        <source>it has %1 values in one row group (at most %2 are read)</source>
        <translation>它在一个行组中有 %1 个值（最多读取 %2 个）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="820"/>
        <source>its chunk (offset %1, %2 bytes) lies outside the file&apos;s data</source>
        <translation>其列块（偏移 %1，%2 字节）位于文件数据之外</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="831"/>
        <source>its chunk cannot be read (cut short?)</source>
        <translation>无法读取其列块（被截断？）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="846"/>
        <source>its chunk ends after %1 of its %2 values</source>
        <translation>其列块在 %2 个值中的第 %1 个之后结束</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="852"/>
        <source>a page header is malformed (%1)</source>
        <translation>某个页头格式错误（%1）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="857"/>
        <source>a page runs past the end of its chunk</source>
        <translation>某页超出其列块的末尾</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="861"/>
        <source>a page says it is %1 bytes decompressed (at most %2 are read)</source>
        <translation>某页声明解压后为 %1 字节（最多读取 %2 字节）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="872"/>
        <location filename="../core/dataset/parquetreader.cpp" line="996"/>
        <source>one row group is larger than %1 MiB decompressed</source>
        <translation>某个行组解压后大于 %1 MiB</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="877"/>
        <source>its dictionary has %1 values</source>
        <translation>其字典有 %1 个值</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="891"/>
        <source>its pages hold more values than its chunk says (%1)</source>
        <translation>其页包含的值多于列块声明的数量（%1）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="913"/>
        <source>levels encoded as %1 are not supported</source>
        <translation>不支持以 %1 编码的层级</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="918"/>
        <source>a page&apos;s levels are cut short</source>
        <translation>某页的层级被截断</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="924"/>
        <source>a page&apos;s levels run past its end</source>
        <translation>某页的层级超出其末尾</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="935"/>
        <source>a page&apos;s level lengths run past its end</source>
        <translation>某页的层级长度超出其末尾</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="953"/>
        <source>a page&apos;s sizes disagree</source>
        <translation>某页的大小前后不一致</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="973"/>
        <source>a dictionary-encoded page comes without a dictionary</source>
        <translation>某个字典编码页没有字典</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="979"/>
        <source>a page&apos;s dictionary indices are cut short</source>
        <translation>某页的字典索引被截断</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="986"/>
        <source>a page refers to an empty dictionary</source>
        <translation>某页引用了空字典</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1005"/>
        <source>RLE values are only read for booleans</source>
        <translation>RLE 编码的值仅支持布尔类型</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1009"/>
        <source>a page&apos;s values are cut short</source>
        <translation>某页的值被截断</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1015"/>
        <source>a page&apos;s values run past its end</source>
        <translation>某页的值超出其末尾</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1027"/>
        <source>values encoded as %1 are not supported (PLAIN and dictionary encodings are)</source>
        <translation>不支持以 %1 编码的值（支持 PLAIN 和字典编码）</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1041"/>
        <source>its columns disagree on the number of values</source>
        <translation>其各列的值数量不一致</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1099"/>
        <source>column &apos;%1&apos; has fewer values than its levels say</source>
        <translation>列 &apos;%1&apos; 的值少于其层级声明的数量</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1137"/>
        <source>&apos;%1&apos; has no row group %2</source>
        <translation>&apos;%1&apos; 没有行组 %2</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1155"/>
        <source>&apos;%1&apos; is not a readable Parquet file: row group %2, column &apos;%3&apos;: %4</source>
        <translation>&apos;%1&apos; 不是可读取的 Parquet 文件：行组 %2，列 &apos;%3&apos;：%4</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1168"/>
        <source>row group %1 has %2 rows</source>
        <translation>行组 %1 有 %2 行</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1174"/>
        <source>none of the columns asked for is in it</source>
        <translation>其中没有所请求的任何列</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1182"/>
        <source>row %1 does not start a record</source>
        <translation>第 %1 行不是一条记录的开头</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1196"/>
        <source>column &apos;%1&apos; holds more values than the row group&apos;s %2 rows</source>
        <translation>列 &apos;%1&apos; 的值多于行组的 %2 行</translation>
    </message>
    <message>
        <location filename="../core/dataset/parquetreader.cpp" line="1206"/>
        <source>row group %1: %2</source>
        <translation>行组 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubdataset.cpp" line="171"/>
        <source>the Parquet files of the %1 split</source>
        <translation>%1 划分的 Parquet 文件</translation>
    </message>
    <message>
        <location filename="../core/dataset/hubdataset.cpp" line="172"/>
        <source>the first Parquet file of the %1 split</source>
        <translation>%1 划分的第一个 Parquet 文件</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="71"/>
        <source>the listing is not a JSON array of files</source>
        <translation>文件列表不是文件的 JSON 数组</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="75"/>
        <location filename="../core/dataset/hublisting.cpp" line="99"/>
        <location filename="../core/dataset/hubresolver.cpp" line="99"/>
        <source>the listing has more than %1 entries</source>
        <translation>文件列表超过 %1 个条目</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="93"/>
        <source>the listing has no Data.Files array</source>
        <translation>文件列表中没有 Data.Files 数组</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="94"/>
        <source>the listing has no Data.Files array (the hub says: %1)</source>
        <translation>文件列表中没有 Data.Files 数组（模型仓库返回：%1）</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="127"/>
        <source>the dataset&apos;s information has no Data.Id</source>
        <translation>数据集信息中没有 Data.Id</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="128"/>
        <source>the dataset&apos;s information has no Data.Id (the hub says: %1)</source>
        <translation>数据集信息中没有 Data.Id（模型仓库返回：%1）</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <location filename="../core/config/runconfig.cpp" line="85"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation>无法读取 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="91"/>
        <source>nests arrays/objects deeper than %1 levels; flatten it</source>
        <translation>数组/对象嵌套超过 %1 层；请将其展平</translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="96"/>
        <source>must be a JSON object (inline or @FILE.json), e.g. &apos;{&quot;messages&quot;: [], &quot;top_p&quot;: 0.9}&apos;</source>
        <translation>必须是 JSON 对象（内联或 @FILE.json），例如 &apos;{&quot;messages&quot;: [], &quot;top_p&quot;: 0.9}&apos;</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="21"/>
        <source>the listing is larger than %1 MiB</source>
        <translation>文件列表大于 %1 MiB</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="25"/>
        <source>the listing nests deeper than %1 levels</source>
        <translation>文件列表嵌套超过 %1 层</translation>
    </message>
    <message>
        <location filename="../core/dataset/hublisting.cpp" line="30"/>
        <source>the listing is not JSON</source>
        <translation>文件列表不是 JSON</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="25"/>
        <source>Benchmark workbench for OpenAI-compatible LLM servers.</source>
        <translation>OpenAI 兼容大模型服务的基准测试工作台。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="30"/>
        <source>Project file (*.tlproj) to open or create; runs are stored in it.</source>
        <translation>要打开或创建的项目文件（*.tlproj）；运行结果保存在其中。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="50"/>
        <source>Start the built-in emulated model server and fill in a short sweep aimed at it: press Run to see a benchmark without a real server.</source>
        <translation>启动内置的模拟模型服务器，并填好一个针对它的简短扫描：按“运行”即可在没有真实服务器的情况下体验一次基准测试。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="91"/>
        <source>Throughline</source>
        <translation>Throughline</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="92"/>
        <source>The built-in emulated server could not start: %1</source>
        <translation>内置模拟服务器无法启动：%1</translation>
    </message>
</context>
<context>
    <name>tl::ApiKeyStore</name>
    <message>
        <location filename="../ui/apikeystore.cpp" line="38"/>
        <source>This build of Throughline has no desktop keychain support: the key is never stored, so type it again after a restart.</source>
        <translation>此版本的 Throughline 不支持桌面钥匙串：密钥永远不会被保存，因此重启后需要重新输入。</translation>
    </message>
    <message>
        <location filename="../ui/apikeystore.cpp" line="41"/>
        <source>The key is not remembered in this window.</source>
        <translation>此窗口不会记住该密钥。</translation>
    </message>
    <message>
        <location filename="../ui/apikeystore.cpp" line="42"/>
        <source>The key is remembered in the desktop keychain once a run starts with it, never in a file.</source>
        <translation>一旦使用该密钥开始运行，它会被记住在桌面钥匙串中，绝不会写入文件。</translation>
    </message>
</context>
<context>
    <name>tl::ChartExportDialog</name>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="24"/>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="97"/>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="26"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="27"/>
        <source>SVG drawing (text stays text)</source>
        <translation>SVG 矢量图（文字保留为文字）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="30"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="37"/>
        <source>1x screen (96 dpi)</source>
        <translation>1 倍屏幕（96 dpi）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="38"/>
        <source>2x screen (192 dpi)</source>
        <translation>2 倍屏幕（192 dpi）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="39"/>
        <source>Print (300 dpi)</source>
        <translation>打印（300 dpi）</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="44"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="50"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="51"/>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="52"/>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="53"/>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="54"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="96"/>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/chartexportdialog.cpp" line="96"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
</context>
<context>
    <name>tl::ChartExporter</name>
    <message>
        <location filename="../ui/charts/chartexporter.cpp" line="105"/>
        <location filename="../ui/charts/chartexporter.cpp" line="117"/>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>tl::ChartHover</name>
    <message>
        <location filename="../ui/charts/charthover.cpp" line="87"/>
        <source>%1: %2 at %3 %4</source>
        <translation>%1：%2，%3 为 %4</translation>
    </message>
</context>
<context>
    <name>tl::ComparisonPage</name>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="111"/>
        <source>Compare chosen points</source>
        <translation>比较所选测试点</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="112"/>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="120"/>
        <source>Select two or more runs in the project explorer (Ctrl+click) and choose &lt;b&gt;Compare Selected Runs&lt;/b&gt; from their context menu.</source>
        <translation>在项目浏览器中选择两个或更多运行（Ctrl+单击），然后在右键菜单中选择&lt;b&gt;比较所选运行&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="131"/>
        <location filename="../ui/pages/comparisonpage.cpp" line="566"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="153"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="153"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="153"/>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="153"/>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="157"/>
        <source>A point of the baseline to compare with any point of the candidate</source>
        <translation>基线中的一个测试点，可与候选中的任一测试点比较</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="159"/>
        <source>A point of the candidate to compare with the chosen baseline point</source>
        <translation>候选中的一个测试点，与所选基线测试点比较</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="161"/>
        <source>Compare the two chosen points, whatever their loads (parallel 4 against parallel 8, say), with bootstrap verdicts from their requests</source>
        <translation>比较所选的两个测试点，不论其负载如何（例如并发 4 对比并发 8），并根据其请求给出 bootstrap 判定</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="166"/>
        <source>Save the comparison shown as a self-contained HTML report (inline charts, opens offline)</source>
        <translation>将所显示的比较保存为自包含的 HTML 报告（内嵌图表，可离线打开）</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="179"/>
        <source>Candidate:</source>
        <translation>候选：</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="181"/>
        <source>Point:</source>
        <translation>测试点：</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="183"/>
        <source>Sweep chart:</source>
        <translation>扫描图：</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="186"/>
        <source>Or compare baseline point</source>
        <translation>或比较基线测试点</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="188"/>
        <source>with candidate point</source>
        <translation>与候选测试点</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="198"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="199"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="88"/>
        <location filename="../ui/pages/comparisonpage.cpp" line="509"/>
        <source>run %1 is not in the project</source>
        <translation>项目中没有运行 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="310"/>
        <source>Select at least two runs to compare.</source>
        <translation>请至少选择两个运行进行比较。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/comparisonpage.cpp" line="317"/>
        <source>Comparing %n run(s): loading their requests and bootstrapping the verdicts…</source>
        <translation>
            <numerusform>正在比较 %n 个运行：加载其请求并以自助法计算结论…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="331"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="377"/>
        <source>Cannot compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="384"/>
        <source> (baseline)</source>
        <translation>（基线）</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="435"/>
        <source>⚠ Not comparable: %1</source>
        <translation>⚠ 不可比较：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="437"/>
        <source>⚠ No point of the same load in both runs: choose points to compare below.</source>
        <translation>⚠ 两次运行中没有负载相同的测试点：请在下方选择要比较的测试点。</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="439"/>
        <source>Showing the chosen points: %1 (baseline point %2, candidate point %3).</source>
        <translation>显示所选测试点：%1（基线测试点 %2，候选测试点 %3）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="600"/>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="605"/>
        <location filename="../ui/pages/comparisonpage.cpp" line="608"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="628"/>
        <source>Export Comparison Report</source>
        <translation>导出比较报告</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="628"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="444"/>
        <source>Only in the baseline: %1</source>
        <translation>仅在基线中：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="387"/>
        <source>&lt;br&gt;&lt;i&gt;Stored values shown; reading the requests and bootstrapping the verdicts…&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;已显示存储的数值；正在读取请求并以自助法计算结论…&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="446"/>
        <source>Only in the candidate: %1</source>
        <translation>仅在候选中：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="454"/>
        <source>defines the workload</source>
        <translation>决定工作负载</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="460"/>
        <source>(the same configuration)</source>
        <translation>（配置相同）</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="476"/>
        <source>%1: rate %2</source>
        <translation>%1：速率 %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="477"/>
        <source>%1: parallel %2</source>
        <translation>%1：并发 %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="514"/>
        <source>run %1 has no point %2</source>
        <translation>运行 %1 没有测试点 %2</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="535"/>
        <source>Cannot compare the chosen points: %1</source>
        <translation>无法比较所选测试点：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="568"/>
        <source>%1 against the load</source>
        <translation>%1 随负载变化</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="568"/>
        <source>rate (req/s)</source>
        <translation>速率（req/s）</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="568"/>
        <source>parallel</source>
        <translation>并发数</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="585"/>
        <source>Throughput–latency</source>
        <translation>吞吐量–延迟</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="585"/>
        <source>output throughput (tok/s)</source>
        <translation>输出吞吐量（tok/s）</translation>
    </message>
    <message>
        <location filename="../ui/pages/comparisonpage.cpp" line="585"/>
        <source>average latency (s)</source>
        <translation>平均延迟（s）</translation>
    </message>
</context>
<context>
    <name>tl::ComparisonTableModel</name>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="72"/>
        <source>better</source>
        <translation>更好</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="74"/>
        <source>worse</source>
        <translation>更差</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="76"/>
        <source>different</source>
        <translation>不同</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="78"/>
        <source>inconclusive</source>
        <translation>无定论</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="82"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="112"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="120"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="122"/>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="125"/>
        <source>[%1, %2]</source>
        <translation>[%1, %2]</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="134"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, %3)&lt;br&gt;%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2，%3）&lt;br&gt;%4</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="135"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="138"/>
        <source>Reading the runs&apos; requests and bootstrapping the verdicts…</source>
        <translation>正在读取各运行的请求并以自助法计算结论…</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="140"/>
        <source>%1&lt;br&gt;%2 baseline and %3 candidate samples</source>
        <translation>%1&lt;br&gt;基线 %2 个样本，候选 %3 个样本</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="202"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="204"/>
        <source>Baseline</source>
        <translation>基线</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="206"/>
        <source>Candidate</source>
        <translation>候选</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="208"/>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="210"/>
        <source>Δ %</source>
        <translation>Δ %</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="212"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="214"/>
        <source>95% interval of Δ</source>
        <translation>Δ 的 95% 区间</translation>
    </message>
    <message>
        <location filename="../ui/models/comparisontablemodel.cpp" line="220"/>
        <source>From a seeded bootstrap of the stored requests (docs/METRICS.md, “Comparing runs”): better or worse when the interval of the difference excludes 0 and the change is at least 5%; inconclusive otherwise or with too few samples; n/a for one value per point.</source>
        <translation>基于已存储请求的固定种子自助法（docs/METRICS.md，“Comparing runs”）：差值区间不含 0 且变化至少 5% 时为更好或更差；否则或样本过少时为无定论；每个测试点只有一个值的指标为不适用。</translation>
    </message>
</context>
<context>
    <name>tl::ConversationTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/models/conversationtreemodel.cpp" line="108"/>
        <source>%1 of %n turn(s) succeeded</source>
        <translation>
            <numerusform>%n 轮中 %1 轮成功</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="130"/>
        <source>abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="130"/>
        <location filename="../ui/models/conversationtreemodel.cpp" line="166"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="132"/>
        <source>warmup, %1</source>
        <translation>预热，%1</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="166"/>
        <source>warmup</source>
        <translation>预热</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="167"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="179"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="181"/>
        <source>Point</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="183"/>
        <source>Turn</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="185"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="187"/>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="189"/>
        <source>Latency (s)</source>
        <translation>延迟 (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="191"/>
        <source>Prompt tokens</source>
        <translation>提示 token</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="193"/>
        <source>Cached tokens</source>
        <translation>缓存 token</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="195"/>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location filename="../ui/models/conversationtreemodel.cpp" line="197"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>tl::ConversationView</name>
    <message>
        <location filename="../ui/pages/conversationview.cpp" line="47"/>
        <source>No run selected.</source>
        <translation>未选择运行。</translation>
    </message>
    <message>
        <location filename="../ui/pages/conversationview.cpp" line="50"/>
        <source>Grouping the requests by conversation…</source>
        <translation>正在按对话对请求分组…</translation>
    </message>
    <message>
        <location filename="../ui/pages/conversationview.cpp" line="67"/>
        <source>This run has no conversations: its requests were single-turn (see Requests).</source>
        <translation>此运行没有对话：其请求均为单轮（参见“请求”）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/conversationview.cpp" line="68"/>
        <source>%n conversation(s); expand one to see its turns in order.</source>
        <translation>
            <numerusform>%n 个对话；展开一个即可按顺序查看其各轮。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::EmulatedServerPresets</name>
    <message>
        <location filename="../ui/emulatedserverpresets.cpp" line="34"/>
        <source>unknown emulated server preset: %1</source>
        <translation>未知的模拟服务器预设：%1</translation>
    </message>
</context>
<context>
    <name>tl::FailureTableModel</name>
    <message>
        <location filename="../ui/models/failuretablemodel.cpp" line="109"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/models/failuretablemodel.cpp" line="151"/>
        <source>Failure class</source>
        <translation>失败类别</translation>
    </message>
    <message>
        <location filename="../ui/models/failuretablemodel.cpp" line="153"/>
        <source>HTTP status</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <location filename="../ui/models/failuretablemodel.cpp" line="155"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../ui/models/failuretablemodel.cpp" line="157"/>
        <source>Share of requests</source>
        <translation>占请求比例</translation>
    </message>
    <message>
        <location filename="../ui/models/failuretablemodel.cpp" line="159"/>
        <source>Example message</source>
        <translation>示例消息</translation>
    </message>
</context>
<context>
    <name>tl::HistogramChartView</name>
    <message>
        <location filename="../ui/charts/histogramchartview.cpp" line="26"/>
        <location filename="../ui/charts/histogramchartview.cpp" line="31"/>
        <location filename="../ui/charts/histogramchartview.cpp" line="56"/>
        <source>requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogramchartview.cpp" line="48"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogramchartview.cpp" line="57"/>
        <source>%1 histogram of the current point</source>
        <translation>当前测试点的 %1 直方图</translation>
    </message>
    <message>
        <location filename="../ui/charts/histogramchartview.cpp" line="58"/>
        <source>%1 up to (ms)</source>
        <translation>%1 上限 (毫秒)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/histogramchartview.cpp" line="69"/>
        <source>%1 %2–%3 ms: %n request(s)</source>
        <translation>
            <numerusform>%1 %2–%3 毫秒：%n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/charts/histogramchartview.cpp" line="56"/>
        <source>intervals</source>
        <translation>间隔数</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/histogramchartview.cpp" line="69"/>
        <source>%1 %2–%3 ms: %n interval(s)</source>
        <translation>
            <numerusform>%1 %2–%3 毫秒：%n 个间隔</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::JsonFieldEditor</name>
    <message>
        <location filename="../ui/widgets/jsonfieldeditor.cpp" line="31"/>
        <source>Edit the JSON on several lines</source>
        <translation>多行编辑 JSON</translation>
    </message>
</context>
<context>
    <name>tl::LiveChartView</name>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="28"/>
        <source>Output throughput</source>
        <translation>输出吞吐量</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="28"/>
        <source>tokens/s</source>
        <translation>token/秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="29"/>
        <source>Time to first token (mean over the last second)</source>
        <translation>首字延迟（最近一秒的平均值）</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="29"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="33"/>
        <source>requests in flight</source>
        <translation>进行中的请求</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="40"/>
        <source>in flight</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="68"/>
        <source>time since the point started (s)</source>
        <translation>自测试点开始的时间（秒）</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="28"/>
        <source>output tokens/s</source>
        <translation>输出 token/秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="29"/>
        <source>TTFT of completed requests</source>
        <translation>已完成请求的 TTFT</translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="45"/>
        <location filename="../ui/charts/livechartview.cpp" line="84"/>
        <source>t (s)</source>
        <translation>时间 (秒)</translation>
    </message>
</context>
<context>
    <name>tl::LiveRunPage</name>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="54"/>
        <source>No run yet: fill in the Setup page and press Run.</source>
        <translation>尚未运行：请填写“设置”页并按“运行”。</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="59"/>
        <location filename="../ui/pages/liverunpage.cpp" line="221"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="222"/>
        <source>First press: send no new requests and let those in flight finish. Second press: abort them too.</source>
        <translation>第一次按下：不再发送新请求，进行中的请求继续完成。第二次按下：同时中止它们。</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="184"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="164"/>
        <source>The latest failures of the run, newest first</source>
        <translation>本次运行最近的失败，最新的在前</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="206"/>
        <source>Harness health: not measured yet</source>
        <translation>测试端健康度：尚未测得</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="225"/>
        <source>&amp;Abort In-Flight Requests</source>
        <translation>中止进行中的请求(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="226"/>
        <source>No new requests are sent. Press again to abort those still in flight; they are counted as aborted, apart from server failures.</source>
        <translation>已不再发送新请求。再按一次将中止仍在进行的请求；它们计为“已中止”，与服务器失败分开统计。</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="285"/>
        <source>Succeeded: %1</source>
        <translation>成功：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="286"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="287"/>
        <source>Aborted by you: %1</source>
        <translation>被您中止：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="291"/>
        <source>Failures by class: none</source>
        <translation>按类别的失败：无</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="292"/>
        <source>Failures by class: %1</source>
        <translation>按类别的失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="300"/>
        <source>Harness health: ● good — %1</source>
        <translation>测试端健康度：● 良好 — %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="301"/>
        <source>Harness health: ● suspect — %1</source>
        <translation>测试端健康度：● 存疑 — %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="401"/>
        <source>R%1</source>
        <translation>R%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="402"/>
        <source>P%1</source>
        <translation>P%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="408"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="413"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="414"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="421"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="423"/>
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="425"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="427"/>
        <source>Pausing before the next point</source>
        <translation>在下一个测试点前暂停</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="429"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="431"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="433"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="447"/>
        <source>Overall: point %1 of %2 · elapsed %3</source>
        <translation>总体：测试点 %1 / %2 · 已用时 %3</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="461"/>
        <source>Overall: point %1 of %2 · elapsed %3 · about %4 left</source>
        <translation>总体：第 %1/%2 个测试点 · 已用 %3 · 约剩 %4</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="477"/>
        <source>SLA probe %1 %2, run %3</source>
        <translation>SLA 探测 %1 %2，第 %3 次运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="478"/>
        <source>This point: %1</source>
        <translation>当前测试点：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="482"/>
        <source>elapsed %1</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="485"/>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="479"/>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/liverunpage.cpp" line="480"/>
        <source>%n in flight</source>
        <translation>
            <numerusform>%n 个进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/liverunpage.cpp" line="481"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="411"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="103"/>
        <source>ITL</source>
        <translation>ITL</translation>
    </message>
</context>
<context>
    <name>tl::LiveRunStats</name>
    <message>
        <location filename="../ui/liverunstats.cpp" line="190"/>
        <source> (%1 of %2 requests in flight on average)</source>
        <translation> （平均 %1 / %2 个请求在进行中）</translation>
    </message>
</context>
<context>
    <name>tl::LoadPointsEditor</name>
    <message>
        <location filename="../ui/widgets/loadpointseditor.cpp" line="19"/>
        <source>One row per run point: its load and its number of requests. Double-click to edit.</source>
        <translation>每行一个运行点：其负载与请求数。双击即可编辑。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/loadpointseditor.cpp" line="31"/>
        <source>Add point</source>
        <translation>添加运行点</translation>
    </message>
    <message>
        <location filename="../ui/widgets/loadpointseditor.cpp" line="35"/>
        <source>Remove point</source>
        <translation>删除运行点</translation>
    </message>
</context>
<context>
    <name>tl::LoadPointsModel</name>
    <message>
        <location filename="../ui/models/loadpointsmodel.cpp" line="110"/>
        <source>Rate (requests/s)</source>
        <translation>速率（请求/秒）</translation>
    </message>
    <message>
        <location filename="../ui/models/loadpointsmodel.cpp" line="110"/>
        <source>Parallel</source>
        <translation>并发数</translation>
    </message>
    <message>
        <location filename="../ui/models/loadpointsmodel.cpp" line="112"/>
        <source>Number</source>
        <translation>请求数</translation>
    </message>
</context>
<context>
    <name>tl::MainActions</name>
    <message>
        <location filename="../ui/mainactions.cpp" line="26"/>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="28"/>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="30"/>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本为(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="31"/>
        <source>Write a copy of the whole project file elsewhere; the open project stays open</source>
        <translation>将整个项目文件的副本写到别处；当前项目保持打开</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="32"/>
        <source>EvalScope Output &amp;Folder…</source>
        <translation>EvalScope 输出文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="33"/>
        <source>&amp;vLLM Result JSON…</source>
        <translation>vLLM 结果 JSON(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="34"/>
        <source>Exported &amp;Run JSON…</source>
        <translation>导出的运行 JSON(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="35"/>
        <source>Every &amp;Chart as PNG and SVG…</source>
        <translation>所有图表导出为 PNG 和 SVG(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="36"/>
        <source>&amp;Summary Table as CSV…</source>
        <translation>摘要表导出为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="37"/>
        <source>&amp;Requests as CSV…</source>
        <translation>请求导出为 CSV(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="38"/>
        <source>&amp;HTML Report…</source>
        <translation>HTML 报告(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="39"/>
        <source>&amp;EvalScope Output Folder…</source>
        <translation>EvalScope 输出文件夹(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="40"/>
        <source>&amp;Clear List</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="41"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="43"/>
        <location filename="../ui/mainactions.cpp" line="109"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="45"/>
        <source>Start the benchmark described on the Setup page (Ctrl+R)</source>
        <translation>开始“设置”页所描述的基准测试（Ctrl+R）</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="46"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="48"/>
        <source>First press: no new requests, in-flight ones finish. Second press: abort them.</source>
        <translation>第一次按下：不再发新请求，进行中的继续完成。第二次按下：中止它们。</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="49"/>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="50"/>
        <source>Send one request with the form&apos;s settings and report whether the server answers</source>
        <translation>按表单设置发送一个请求，并报告服务器是否响应</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="51"/>
        <source>Start &amp;Emulated Server</source>
        <translation>启动模拟服务器(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="53"/>
        <source>Start the built-in emulated model server on a free loopback port and aim the form at it</source>
        <translation>在空闲的本地回环端口上启动内置模拟模型服务器，并让表单指向它</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="63"/>
        <source>A fast GPU server: many sequence slots, quick prefill and decode</source>
        <translation>快速 GPU 服务器：序列槽多，预填充和解码都快</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="64"/>
        <source>A slow CPU server: few slots, slow prefill and decode, a queue forms</source>
        <translation>慢速 CPU 服务器：槽位少，预填充和解码慢，会形成排队</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="66"/>
        <source>The demo server with a few percent of HTTP errors, error events and resets</source>
        <translation>演示服务器，带有百分之几的 HTTP 错误、错误事件和连接重置</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="68"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="69"/>
        <source>&amp;About Throughline</source>
        <translation>关于 Throughline(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="70"/>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="71"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="91"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="94"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="98"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="100"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="102"/>
        <source>Export the run shown on the Results page</source>
        <translation>导出结果页面上显示的运行</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="113"/>
        <source>Start Built-in Server with &amp;Preset</source>
        <translation>用预设启动内置服务器(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="116"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="119"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="121"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="126"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="141"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="147"/>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="165"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="165"/>
        <source>This window was started without a settings store.</source>
        <translation>此窗口启动时没有设置存储。</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="174"/>
        <source>About Throughline</source>
        <translation>关于 Throughline</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="175"/>
        <source>&lt;h3&gt;Throughline %1&lt;/h3&gt;&lt;p&gt;A workbench for benchmarking OpenAI-compatible LLM servers: scheduled streaming load, every event timestamped where it arrives, every request kept in one project file.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Throughline %1&lt;/h3&gt;&lt;p&gt;OpenAI 兼容大模型服务的基准测试工作台：按计划发送流式负载，每个事件在到达处打时间戳，每个请求都保存在一个项目文件中。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="184"/>
        <source>Documentation</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../ui/mainactions.cpp" line="185"/>
        <source>&lt;p&gt;&lt;b&gt;README.md&lt;/b&gt; and the &lt;b&gt;docs/&lt;/b&gt; folder of Throughline&apos;s source tree describe the workbench, the metrics (docs/METRICS.md), the project file (docs/PROJECT_FILE.md), the datasets and the emulated server.&lt;/p&gt;&lt;p&gt;&lt;code&gt;throughline-cli run --help&lt;/code&gt; lists every run parameter; Help ▸ Keyboard Shortcuts lists the keys.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Throughline 源码树中的 &lt;b&gt;README.md&lt;/b&gt; 和 &lt;b&gt;docs/&lt;/b&gt; 文件夹介绍了工作台、指标（docs/METRICS.md）、项目文件（docs/PROJECT_FILE.md）、数据集和模拟服务器。&lt;/p&gt;&lt;p&gt;&lt;code&gt;throughline-cli run --help&lt;/code&gt; 列出所有运行参数；“帮助 ▸ 键盘快捷键”列出按键。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>tl::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="54"/>
        <location filename="../ui/mainwindow.cpp" line="217"/>
        <source>Throughline</source>
        <translation>Throughline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>Setup</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="97"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="206"/>
        <source>The project could not be opened:</source>
        <translation>无法打开项目：</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="212"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="217"/>
        <source>%1 — Throughline</source>
        <translation>%1 — Throughline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="236"/>
        <source>&lt;b&gt;Demo.&lt;/b&gt; The form is aimed at the built-in emulated model server at %1 (%2 ms to the first token, %3 ms between tokens). Press &lt;b&gt;Run&lt;/b&gt; to benchmark it.</source>
        <translation>&lt;b&gt;演示。&lt;/b&gt;表单已指向位于 %1 的内置模拟模型服务器（首字 %2 毫秒，token 间隔 %3 毫秒）。按&lt;b&gt;运行&lt;/b&gt;对其进行基准测试。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>Throughline — demo against the emulated server at %1</source>
        <translation>Throughline — 针对 %1 模拟服务器的演示</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="109"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="64"/>
        <source>The desktop keychain cannot keep the API key: %1</source>
        <translation>桌面钥匙串无法保存 API 密钥：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192"/>
        <source>The server is not ready (%1): connection test %2, next try in %3 s; Stop cancels the run</source>
        <translation>服务器尚未就绪（%1）：连接测试第 %2 次，%3 秒后重试；“停止”可取消运行</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210"/>
        <source>Opened read-only for browsing: Run, Import, Rename and Delete are off (%1)</source>
        <translation>以只读方式打开以供浏览：运行、导入、重命名和删除已禁用（%1）</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="248"/>
        <location filename="../ui/mainwindow.cpp" line="256"/>
        <source>Emulated server</source>
        <translation>模拟服务器</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="248"/>
        <source>Stop the run in progress first.</source>
        <translation>请先停止正在进行的运行。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="256"/>
        <source>The emulated server could not start: %1</source>
        <translation>模拟服务器无法启动：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="267"/>
        <source>Emulated server (%1) listening at %2</source>
        <translation>模拟服务器（%1）正在 %2 上监听</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="299"/>
        <source>Saved a copy of the project to %1</source>
        <translation>已将项目副本保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="301"/>
        <source>Save a Copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="301"/>
        <source>The copy could not be written: %1</source>
        <translation>无法写入副本：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="316"/>
        <source>Open or create a writable project first: imported runs are stored in it.</source>
        <translation>请先打开或创建一个可写的项目：导入的运行会保存在其中。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="323"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>%1 could not be imported: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="340"/>
        <source>Imported %1</source>
        <translation>已导入 %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="350"/>
        <source>The connection cannot be tested:</source>
        <translation>无法测试连接：</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="364"/>
        <source>The server answered the test request.</source>
        <translation>服务器已响应测试请求。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="367"/>
        <source>The connection test failed:</source>
        <translation>连接测试失败：</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="383"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="401"/>
        <source>this run could not be saved in the project (%1); use File &gt; Save a Copy As… to make a writable copy, open it and run again</source>
        <translation>此运行无法保存到项目中（%1）；请使用 文件 &gt; 另存副本… 创建可写副本，打开后重新运行</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="422"/>
        <source>The run did not start:</source>
        <translation>运行未开始：</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="424"/>
        <source>The run did not start: fix the fields marked on the Setup page.</source>
        <translation>运行未开始：请修正“设置”页上标出的字段。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="437"/>
        <source>Stopping: no new requests are sent; those in flight finish. Press Stop again to abort them.</source>
        <translation>正在停止：不再发送新请求，进行中的请求继续完成。再按一次“停止”可中止它们。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="439"/>
        <source>Aborting the requests in flight…</source>
        <translation>正在中止进行中的请求…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="447"/>
        <source>%1 at %2</source>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="448"/>
        <location filename="../ui/mainwindow.cpp" line="477"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="485"/>
        <source>The run could not be saved to the project: %1</source>
        <translation>运行无法保存到项目：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="489"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="490"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="491"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="497"/>
        <source>the run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="498"/>
        <source>The run failed:</source>
        <translation>运行失败：</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="562"/>
        <source>Run “%1” · %2 · %3 at %4 · started %5</source>
        <translation>运行“%1” · %2 · %3 @ %4 · 开始于 %5</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="572"/>
        <source>Run “%1” · %2 · %3 at %4</source>
        <translation>运行“%1” · %2 · %3 @ %4</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="632"/>
        <source>Quit Throughline</source>
        <translation>退出 Throughline</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="633"/>
        <source>A run is in progress. Abort it and quit? What was measured so far stays in the project.</source>
        <translation>有运行正在进行。要中止并退出吗？已测得的数据会保留在项目中。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="100"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
</context>
<context>
    <name>tl::PresetBar</name>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="31"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="33"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="34"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="35"/>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="36"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="84"/>
        <source>Preset &apos;%1&apos; not saved: %2</source>
        <translation>预设“%1”未保存：%2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="109"/>
        <source>Preset &apos;%1&apos; not deleted: %2</source>
        <translation>预设“%1”未删除：%2</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="119"/>
        <source>Named run setups, stored in the project %1 (without the API key).</source>
        <translation>命名的运行设置，保存在项目 %1 中（不含 API 密钥）。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="120"/>
        <source>Named run setups, kept in this computer&apos;s settings while no writable project is open (without the API key).</source>
        <translation>命名的运行设置；未打开可写项目时保存在本机设置中（不含 API 密钥）。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="133"/>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="133"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="145"/>
        <source>Duplicate preset</source>
        <translation>复制预设</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="145"/>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
    <message>
        <location filename="../ui/widgets/presetbar.cpp" line="145"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
</context>
<context>
    <name>tl::ProjectFileDialogs</name>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="22"/>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="23"/>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="37"/>
        <source>Throughline projects (*.tlproj)</source>
        <translation>Throughline 项目 (*.tlproj)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="28"/>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="30"/>
        <source>Throughline projects (*.tlproj);;All files (*)</source>
        <translation>Throughline 项目 (*.tlproj);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="36"/>
        <source>Save a Copy As</source>
        <translation>另存副本为</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="44"/>
        <source>Import EvalScope Output Folder</source>
        <translation>导入 EvalScope 输出文件夹</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="45"/>
        <source>Import Run</source>
        <translation>导入运行</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/projectfiledialogs.cpp" line="46"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>tl::ProjectSession</name>
    <message>
        <location filename="../ui/projectsession.cpp" line="84"/>
        <source>the project is open read-only: %1</source>
        <translation>项目以只读方式打开：%1</translation>
    </message>
    <message>
        <location filename="../ui/projectsession.cpp" line="85"/>
        <location filename="../ui/projectsession.cpp" line="159"/>
        <source>no project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <location filename="../ui/projectsession.cpp" line="166"/>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
</context>
<context>
    <name>tl::PromptPreviewPanel</name>
    <message>
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="15"/>
        <source>Preview prompts</source>
        <translation>预览提示词</translation>
    </message>
    <message>
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="21"/>
        <source>Load the dataset as a run would and show its first prompts with their token counts (counted with --tokenizer-path).</source>
        <translation>像运行时一样加载数据集，显示前几条提示词及其 token 数（用 --tokenizer-path 计数）。</translation>
    </message>
    <message>
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="28"/>
        <source>Tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="28"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="52"/>
        <source>Loading the prompts…</source>
        <translation>正在加载提示词…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="61"/>
        <source>No preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="78"/>
        <source>The first %n prompt(s).</source>
        <translation>
            <numerusform>前 %n 条提示词。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets/promptpreviewpanel.cpp" line="79"/>
        <source>The first %n prompt(s); set a tokenizer path to count their tokens.</source>
        <translation>
            <numerusform>前 %n 条提示词；设置分词器路径即可统计 token 数。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::RequestTableModel</name>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="207"/>
        <source>Point</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="207"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="207"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="207"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="207"/>
        <source>Sent (s)</source>
        <translation>发送时间 (s)</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="207"/>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="207"/>
        <source>Latency (ms)</source>
        <translation>延迟 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="208"/>
        <source>TPOT (ms)</source>
        <translation>TPOT (ms)</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="208"/>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="208"/>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="208"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="223"/>
        <source>ok (warmup)</source>
        <translation>成功（预热）</translation>
    </message>
    <message>
        <location filename="../ui/models/requesttablemodel.cpp" line="223"/>
        <source>ok</source>
        <translation>成功</translation>
    </message>
</context>
<context>
    <name>tl::RequestTimelineView</name>
    <message>
        <location filename="../ui/charts/requesttimelineview.cpp" line="84"/>
        <source>Succeeded (send → last token)</source>
        <translation>成功（发送 → 最后一个 token）</translation>
    </message>
    <message>
        <location filename="../ui/charts/requesttimelineview.cpp" line="85"/>
        <source>First token</source>
        <translation>首个 token</translation>
    </message>
    <message>
        <location filename="../ui/charts/requesttimelineview.cpp" line="119"/>
        <source>Time since the point&apos;s first send (s)</source>
        <translation>自该测试点首次发送起的时间 (s)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/requesttimelineview.cpp" line="124"/>
        <source>Requests, by send time (%n)</source>
        <translation>
            <numerusform>请求，按发送时间排列（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::ResultsPage</name>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="59"/>
        <source>Rule: the last point before the first one whose achieved request rate falls more than %1% below its target rate.</source>
        <translation>规则：在第一个实际请求速率比目标速率低 %1% 以上的测试点之前的最后一个测试点。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="62"/>
        <source>Rule: the last point before the first step where request throughput grows by less than %1% while the p50 latency grows by more than %2%.</source>
        <translation>规则：在第一个请求吞吐量增长不足 %1% 而 p50 延迟增长超过 %2% 的步骤之前的最后一个测试点。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="66"/>
        <source>Saturation point: %1
%2
%3</source>
        <translation>饱和点：%1
%2
%3</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="34"/>
        <source>No results yet: run a benchmark or pick a run in the Runs list.</source>
        <translation>暂无结果：请运行一次基准测试，或在运行列表中选择一个运行。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="70"/>
        <source>The point the percentile table and the Point tab show</source>
        <translation>百分位表和“测试点”页显示的测试点</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="87"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="87"/>
        <source>Rename the run</source>
        <translation>重命名此运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="89"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="89"/>
        <source>Edit the run&apos;s tags</source>
        <translation>编辑此运行的标签</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="91"/>
        <source>Notes…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="91"/>
        <source>Edit the run&apos;s notes</source>
        <translation>编辑此运行的备注</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="93"/>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="93"/>
        <source>Run the same configuration again</source>
        <translation>以相同配置再次运行</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="95"/>
        <source>Copy as command</source>
        <translation>复制为命令</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="96"/>
        <source>Copy the throughline-cli command line of this run (the API key left out)</source>
        <translation>复制此运行的 throughline-cli 命令行（不含 API 密钥）</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="100"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="103"/>
        <source>HTML report…</source>
        <translation>HTML 报告…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="104"/>
        <source>EvalScope output folder…</source>
        <translation>EvalScope 输出文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="105"/>
        <source>Summary table as CSV…</source>
        <translation>汇总表导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="107"/>
        <source>Every chart as PNG and SVG…</source>
        <translation>所有图表导出为 PNG 和 SVG…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="267"/>
        <location filename="../ui/pages/resultspage_summary.cpp" line="44"/>
        <source>summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="106"/>
        <source>Requests as CSV (as filtered)…</source>
        <translation>请求导出为 CSV（按当前筛选）…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="272"/>
        <location filename="../ui/pages/resultspage_point.cpp" line="269"/>
        <location filename="../ui/pages/resultspage_point.cpp" line="274"/>
        <location filename="../ui/pages/resultspage_requests.cpp" line="72"/>
        <location filename="../ui/pages/resultspage_requests.cpp" line="93"/>
        <source>requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="111"/>
        <source>Point:</source>
        <translation>测试点：</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="115"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="116"/>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="117"/>
        <source>Point</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="118"/>
        <location filename="../ui/pages/resultspage_point.cpp" line="251"/>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="119"/>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="120"/>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="51"/>
        <source>percentiles</source>
        <translation>百分位</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="52"/>
        <source>Percentiles of the chosen point</source>
        <translation>所选测试点的百分位</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="64"/>
        <source>failures</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="65"/>
        <source>Failures</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="98"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="99"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="103"/>
        <source>A good request&apos;s time to first token is at most this (0: no limit)</source>
        <translation>合格请求的首 token 时间不超过此值（0：无限制）</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="104"/>
        <source>A good request&apos;s time per output token is at most this (0: no limit)</source>
        <translation>合格请求的每输出 token 时间不超过此值（0：无限制）</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="105"/>
        <source>A good request&apos;s end-to-end latency is at most this (0: no limit)</source>
        <translation>合格请求的端到端延迟不超过此值（0：无限制）</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="106"/>
        <source>Recompute goodput</source>
        <translation>重新计算 goodput</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="108"/>
        <source>What if these were the SLOs: goodput (requests meeting every SLO per second) and each SLO&apos;s attainment of every point, from the stored requests; the run is not changed</source>
        <translation>假设这些是 SLO：根据已存储的请求计算每个测试点的 goodput（每秒满足所有 SLO 的请求数）和各 SLO 的达成率；运行本身不会被更改</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="115"/>
        <source>Goodput what if — TTFT ≤</source>
        <translation>Goodput 假设分析 — TTFT ≤</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="117"/>
        <source>TPOT ≤</source>
        <translation>TPOT ≤</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="119"/>
        <source>latency ≤</source>
        <translation>延迟 ≤</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="142"/>
        <source>Give at least one SLO.</source>
        <translation>请至少给出一个 SLO。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="146"/>
        <source>No stored requests to recompute goodput from.</source>
        <translation>没有可用于重新计算 goodput 的已存储请求。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="150"/>
        <source>Recomputing goodput…</source>
        <translation>正在重新计算 goodput…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="197"/>
        <source>TTFT %1</source>
        <translation>TTFT %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="199"/>
        <source>TPOT %1</source>
        <translation>TPOT %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="201"/>
        <source>latency %1</source>
        <translation>延迟 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/resultspage_summary.cpp" line="202"/>
        <source>%1: goodput %2 req/s, %n good request(s)</source>
        <translation>
            <numerusform>%1：goodput %2 req/s，%n 个合格请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_summary.cpp" line="207"/>
        <source>What if: %1</source>
        <translation>假设：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="84"/>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="31"/>
        <source>Failed only</source>
        <translation>仅失败</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="35"/>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="43"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="44"/>
        <source>slowest </source>
        <translation>最慢 </translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="45"/>
        <source>Only the N requests with the longest latency (0: all)</source>
        <translation>只显示延迟最长的 N 个请求（0：全部）</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="48"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="75"/>
        <source>Pick a request to see its timings, events, tokens and error.</source>
        <translation>选择一个请求以查看其时间、事件、token 数和错误。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_config.cpp" line="20"/>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_config.cpp" line="20"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_config.cpp" line="20"/>
        <source>Flag</source>
        <translation>命令行选项</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="142"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="143"/>
        <source>Save this chart as PNG or SVG</source>
        <translation>将此图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="146"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="147"/>
        <source>Copy this chart to the clipboard as an image</source>
        <translation>将此图表作为图像复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="166"/>
        <source>Export table as CSV…</source>
        <translation>将表格导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="125"/>
        <source>Success rate</source>
        <translation>成功率</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_loader.cpp" line="54"/>
        <source>Loading the run…</source>
        <translation>正在加载运行…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_loader.cpp" line="83"/>
        <source>the run %1 is not in the project</source>
        <translation>项目中没有运行 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_loader.cpp" line="129"/>
        <source>The run could not be read: %1</source>
        <translation>无法读取该运行：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="243"/>
        <source>Every point</source>
        <translation>所有测试点</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/resultspage.cpp" line="246"/>
        <source>%1 · %n requests</source>
        <translation>
            <numerusform>%1 · %n 个请求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/resultspage.cpp" line="269"/>
        <location filename="../ui/pages/resultspage.cpp" line="277"/>
        <source>%n points</source>
        <translation>
            <numerusform>%n 个测试点</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="273"/>
        <source>Run “%1”</source>
        <translation>运行“%1”</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="275"/>
        <source>Model &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>模型 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="275"/>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="276"/>
        <source>started %1</source>
        <translation>开始于 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="277"/>
        <source>status &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>状态 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/resultspage.cpp" line="278"/>
        <source>%n requests</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="280"/>
        <source>tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/resultspage.cpp" line="288"/>
        <source>⚠ %n failed requests (%1 %)</source>
        <translation>
            <numerusform>⚠ %n 个请求失败（%1 %）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="301"/>
        <source>No request failed.</source>
        <translation>没有请求失败。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="302"/>
        <source>%1 of %2 requests failed, by class and HTTP status:</source>
        <translation>%2 个请求中有 %1 个失败，按类别和 HTTP 状态分列：</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="146"/>
        <source>Request rate (req/s)</source>
        <translation>请求速率 (req/s)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="146"/>
        <source>Concurrency (parallel requests)</source>
        <translation>并发数（并行请求）</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="153"/>
        <source>%1 against the load</source>
        <translation>%1 随负载变化</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_sweep.cpp" line="160"/>
        <source>saturation point</source>
        <translation>饱和点</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="138"/>
        <source>Percentile curves · %1</source>
        <translation>百分位曲线 · %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="139"/>
        <source>Percentile (%)</source>
        <translation>百分位 (%)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="139"/>
        <source>Time (ms)</source>
        <translation>时间 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="250"/>
        <source>TTFT distribution · %1</source>
        <translation>TTFT 分布 · %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="251"/>
        <source>Time to first token (ms)</source>
        <translation>首 token 时间 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="254"/>
        <location filename="../ui/pages/resultspage_requests.cpp" line="181"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="255"/>
        <source>ITL distribution · %1</source>
        <translation>ITL 分布 · %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="256"/>
        <source>Inter-token latency (ms)</source>
        <translation>token 间延迟 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="256"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="259"/>
        <source>ITL</source>
        <translation>ITL</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="267"/>
        <source>TTFT against prompt length · %1</source>
        <translation>TTFT 与提示长度 · %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="268"/>
        <source>Prompt length (tokens)</source>
        <translation>提示长度 (token)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="268"/>
        <source>TTFT (ms)</source>
        <translation>TTFT (ms)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="272"/>
        <source>Latency against output length · %1</source>
        <translation>延迟与输出长度 · %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="273"/>
        <source>Output length (tokens)</source>
        <translation>输出长度 (token)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="273"/>
        <source>Latency (ms)</source>
        <translation>延迟 (ms)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_point.cpp" line="277"/>
        <source>Request timeline · %1</source>
        <translation>请求时间线 · %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="106"/>
        <location filename="../ui/pages/resultspage_requests.cpp" line="116"/>
        <source>%1 of %2 requests</source>
        <translation>%1 / %2 个请求</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="148"/>
        <source>The request could not be read from the project file.</source>
        <translation>无法从项目文件中读取该请求。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="167"/>
        <source>Request %1 of point %2</source>
        <translation>测试点 %2 的请求 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="171"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="171"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="172"/>
        <source>HTTP status</source>
        <translation>HTTP 状态</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="172"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="173"/>
        <source>Stream</source>
        <translation>流式输出</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="173"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="173"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="174"/>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="174"/>
        <source>%1 s after the run started</source>
        <translation>运行开始后 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="175"/>
        <source>Scheduled</source>
        <translation>计划发送</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="176"/>
        <source>Headers</source>
        <translation>响应头</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="177"/>
        <source>First token</source>
        <translation>首个 token</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="178"/>
        <source>Last token</source>
        <translation>最后一个 token</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="179"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="182"/>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="183"/>
        <source>TPOT</source>
        <translation>TPOT</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="185"/>
        <source>Prompt tokens</source>
        <translation>提示 token</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="185"/>
        <location filename="../ui/pages/resultspage_requests.cpp" line="186"/>
        <location filename="../ui/pages/resultspage_requests.cpp" line="187"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="186"/>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="187"/>
        <source>Cached tokens</source>
        <translation>缓存 token</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="188"/>
        <source>Token counts from</source>
        <translation>token 计数来源</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="189"/>
        <source>Bytes received</source>
        <translation>接收字节数</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="190"/>
        <source>Resends</source>
        <translation>重发次数</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="192"/>
        <source>Response id</source>
        <translation>响应 ID</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="194"/>
        <source>Trace request id</source>
        <translation>轨迹请求 ID</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="198"/>
        <source>Request body</source>
        <translation>请求体</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="200"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="202"/>
        <source>Response text</source>
        <translation>响应文本</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_requests.cpp" line="203"/>
        <source>Throughline stores timings and token counts, not the generated text.</source>
        <translation>Throughline 保存时间和 token 数，不保存生成的文本。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/resultspage_requests.cpp" line="213"/>
        <source>%n data events, ms after the send</source>
        <translation>
            <numerusform>%n 个数据事件，发送后的毫秒数</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_config.cpp" line="53"/>
        <source>Differs from the default</source>
        <translation>与默认值不同</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_config.cpp" line="67"/>
        <source>The command line was copied to the clipboard (without the API key).</source>
        <translation>命令行已复制到剪贴板（不含 API 密钥）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="67"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="74"/>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="89"/>
        <location filename="../ui/pages/resultspage_exports.cpp" line="95"/>
        <source>Chart saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="106"/>
        <source>The chart was copied to the clipboard.</source>
        <translation>图表已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="129"/>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="141"/>
        <source>Table saved to %1</source>
        <translation>表格已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="157"/>
        <source>Requests saved to %1</source>
        <translation>请求已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="167"/>
        <source>Export Table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="167"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="178"/>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="193"/>
        <source>EvalScope output written under %1</source>
        <translation>EvalScope 输出已写入 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/resultspage_exports.cpp" line="241"/>
        <source>%n charts saved to %1</source>
        <translation>
            <numerusform>已将 %n 个图表保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="261"/>
        <source>Export Every Chart as PNG and SVG</source>
        <translation>将所有图表导出为 PNG 和 SVG</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="281"/>
        <source>Export HTML Report</source>
        <translation>导出 HTML 报告</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="281"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../ui/pages/resultspage_exports.cpp" line="289"/>
        <source>Export as EvalScope Output</source>
        <translation>导出为 EvalScope 输出</translation>
    </message>
</context>
<context>
    <name>tl::RunActions</name>
    <message>
        <location filename="../ui/runactions.cpp" line="38"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="38"/>
        <source>The change could not be saved: %1</source>
        <translation>无法保存更改：%1</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="48"/>
        <source>Rename Run</source>
        <translation>重命名运行</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="48"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="62"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="62"/>
        <source>Tags, separated by commas:</source>
        <translation>标签，用逗号分隔：</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="82"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="82"/>
        <source>Note on “%1”:</source>
        <translation>“%1”的备注：</translation>
    </message>
    <message>
        <location filename="../ui/runactions.cpp" line="94"/>
        <source>Delete Run</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runactions.cpp" line="95"/>
        <source>Delete the run “%1” and its %n request(s) from the project? This is written at once and cannot be undone.</source>
        <translation>
            <numerusform>从项目中删除运行“%1”及其 %n 个请求？此操作会立即写入，且无法撤销。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::RunController</name>
    <message>
        <location filename="../core/engine/runcontroller.cpp" line="105"/>
        <source>a run is already in progress; stop it first</source>
        <translation>已有运行在进行；请先停止它</translation>
    </message>
</context>
<context>
    <name>tl::RunListModel</name>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="158"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="160"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="162"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="164"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="166"/>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="237"/>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="239"/>
        <source>Notes: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/runlistmodel.cpp" line="269"/>
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1（%n 个运行）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="288"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="290"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="292"/>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="298"/>
        <source>Failures</source>
        <translation>失败数</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="302"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="300"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="58"/>
        <source>%1 at %2</source>
        <translation>%1 @ %2</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="58"/>
        <source>(no model)</source>
        <translation>（无模型）</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="79"/>
        <source>rate %1 req/s</source>
        <translation>速率 %1 请求/秒</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="83"/>
        <source>parallel %1</source>
        <translation>并发 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="294"/>
        <source>Points</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="296"/>
        <source>Requests</source>
        <translation>请求数</translation>
    </message>
</context>
<context>
    <name>tl::RunSetupPage</name>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="86"/>
        <source>Default: %1</source>
        <translation>默认值：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="152"/>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="182"/>
        <source>MAX (optional: a range)</source>
        <translation>最大值（可选：范围）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="230"/>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="285"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="285"/>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="286"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="286"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="315"/>
        <source>the server&apos;s model id</source>
        <translation>服务器上的模型 ID</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="328"/>
        <source>Fetch list</source>
        <translation>获取列表</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="329"/>
        <source>Ask the server at the URL for the models it serves (GET /v1/models).</source>
        <translation>向该 URL 的服务器查询其提供的模型（GET /v1/models）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="362"/>
        <location filename="../ui/pages/runsetuppage.cpp" line="367"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="364"/>
        <source>Show or hide the key</source>
        <translation>显示或隐藏密钥</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="367"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="380"/>
        <source>Asking %1 …</source>
        <translation>正在查询 %1 …</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="402"/>
        <source>The server lists no models.</source>
        <translation>服务器没有列出任何模型。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runsetuppage.cpp" line="403"/>
        <source>%n model(s) offered by the server.</source>
        <translation>
            <numerusform>服务器提供 %n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="410"/>
        <source>No model list: %1</source>
        <translation>无法获取模型列表：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="419"/>
        <source>Requests go to: %1</source>
        <translation>请求发送至：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="422"/>
        <source>The URL has no endpoint suffix, so the API&apos;s is appended (EvalScope&apos;s rule).</source>
        <translation>URL 没有端点后缀，因此按 EvalScope 的规则追加该 API 的后缀。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="432"/>
        <source>Closed loop: a fixed number of requests in flight (--parallel)</source>
        <translation>闭环：固定数量的在途请求（--parallel）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="433"/>
        <source>Open loop: requests arrive at a rate, whatever is in flight (--rate)</source>
        <translation>开环：请求按速率到达，不论在途多少（--rate）</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="437"/>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="438"/>
        <source>Points:</source>
        <translation>运行点：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="495"/>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="547"/>
        <source>Preset &apos;%1&apos; loaded.</source>
        <translation>已加载预设“%1”。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="548"/>
        <source>Preset &apos;%1&apos; loaded, without: %2</source>
        <translation>已加载预设“%1”，未包含：%2</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="644"/>
        <source>Not in this version: %1</source>
        <translation>本版本不支持：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="679"/>
        <source>&amp;Copy as command</source>
        <translation>复制为命令(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="681"/>
        <source>Put the equivalent &apos;throughline-cli run …&apos; line on the clipboard (the API key masked).</source>
        <translation>将等效的 &apos;throughline-cli run …&apos; 命令复制到剪贴板（API 密钥已隐藏）。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="683"/>
        <source>&amp;Paste command…</source>
        <translation>粘贴命令(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="685"/>
        <source>Fill the form from an &apos;evalscope perf …&apos; or &apos;throughline-cli run …&apos; command.</source>
        <translation>用 &apos;evalscope perf …&apos; 或 &apos;throughline-cli run …&apos; 命令填写表单。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="688"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="800"/>
        <location filename="../ui/pages/runsetuppage.cpp" line="816"/>
        <source>Fix these to run:</source>
        <translation>运行前请修正：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="813"/>
        <source>Start the sweep.</source>
        <translation>开始扫描测试。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="884"/>
        <source>The command could not be read:</source>
        <translation>无法读取该命令：</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="894"/>
        <source>The form now holds the pasted command.</source>
        <translation>表单已填入粘贴的命令。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="895"/>
        <source>The form now holds the pasted command, without: %1</source>
        <translation>表单已填入粘贴的命令，未包含：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="903"/>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="910"/>
        <source>Paste command</source>
        <translation>粘贴命令</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="911"/>
        <source>An &apos;evalscope perf …&apos; or &apos;throughline-cli run …&apos; command:</source>
        <translation>&apos;evalscope perf …&apos; 或 &apos;throughline-cli run …&apos; 命令：</translation>
    </message>
</context>
<context>
    <name>tl::RunsBrowserPage</name>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="31"/>
        <source>Filter by name, tag or model</source>
        <translation>按名称、标签或模型筛选</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="34"/>
        <source>No grouping</source>
        <translation>不分组</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="35"/>
        <source>Group by date</source>
        <translation>按日期分组</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="36"/>
        <source>Group by target and model</source>
        <translation>按目标和模型分组</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="79"/>
        <source>No project open: use File ▸ Open Project… to browse stored runs.</source>
        <translation>没有打开的项目：使用“文件 ▸ 打开项目…”浏览已保存的运行。</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="81"/>
        <source>%1 has no runs yet.</source>
        <translation>%1 中还没有运行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runsbrowserpage.cpp" line="83"/>
        <source>%n run(s) in %1</source>
        <translation>
            <numerusform>%1 中有 %n 个运行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="155"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="157"/>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="158"/>
        <source>&amp;Tags…</source>
        <translation>标签(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="159"/>
        <source>&amp;Note…</source>
        <translation>备注(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="161"/>
        <source>Re-run with This &amp;Configuration</source>
        <translation>用此配置重新运行(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="162"/>
        <source>D&amp;uplicate Settings to the Form</source>
        <translation>将设置复制到表单(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="170"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="174"/>
        <source>The project is open read-only</source>
        <translation>项目以只读方式打开</translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="164"/>
        <source>&amp;Compare Selected Runs</source>
        <translation>比较所选运行(&amp;C)</translation>
    </message>
</context>
<context>
    <name>tl::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="23"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="25"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="31"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="32"/>
        <source>A new language applies the next time Throughline starts. The colours follow the desktop&apos;s theme.</source>
        <translation>新的语言将在下次启动 Throughline 时生效。颜色跟随桌面主题。</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="38"/>
        <source>&amp;Projects folder:</source>
        <translation>项目文件夹(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="39"/>
        <source>&amp;Import from:</source>
        <translation>导入位置(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="59"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="60"/>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settingsdialog.cpp" line="71"/>
        <source>Choose a Folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>tl::ShortcutsDialog</name>
    <message>
        <location filename="../ui/dialogs/shortcutsdialog.cpp" line="15"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/shortcutsdialog.cpp" line="18"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/shortcutsdialog.cpp" line="18"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>tl::SimServer</name>
    <message>
        <location filename="../core/sim/simserver.cpp" line="54"/>
        <source>Cannot listen on %1: not an IP address or a known host name</source>
        <translation>无法在 %1 上监听：不是 IP 地址或已知的主机名</translation>
    </message>
    <message>
        <location filename="../core/sim/simserver.cpp" line="62"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>无法在 %1 的端口 %2 上监听：%3</translation>
    </message>
    <message>
        <location filename="../core/sim/simserver.cpp" line="80"/>
        <location filename="../core/sim/simserver.cpp" line="128"/>
        <source>Cannot write the trace to %1: %2</source>
        <translation>无法将跟踪写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>tl::SlaSearchChart</name>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="43"/>
        <source>Criterion:</source>
        <translation>条件：</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="81"/>
        <source>SLA search</source>
        <translation>SLA 搜索</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="117"/>
        <source>not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="119"/>
        <source>none: failed at the lower bound</source>
        <translation>无：在下限处失败</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="121"/>
        <source>best at %1 %2</source>
        <translation>最佳：%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="123"/>
        <source>largest passing %1: %2</source>
        <translation>最大通过 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="126"/>
        <source>(sure: the deciding probes&apos; intervals clear the threshold)</source>
        <translation>（确定：决定性探测的区间均未跨越阈值）</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="127"/>
        <source>(unsure: decided on means where intervals straddle the threshold)</source>
        <translation>（不确定：在区间跨越阈值处依据均值判定）</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="132"/>
        <source>Group %1: %2</source>
        <translation>第 %1 组：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/charts/slasearchchart.cpp" line="135"/>
        <source>%n point(s) run, %1 per value, %2% intervals (Student t).</source>
        <translation>
            <numerusform>已运行 %n 个测试点，每个值 %1 次，%2% 区间（Student t）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="157"/>
        <source>SLA search: %1 by %2</source>
        <translation>SLA 搜索：%1 随 %2 变化</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="159"/>
        <source>Runs</source>
        <translation>各次运行</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="160"/>
        <source>Pass (mean)</source>
        <translation>通过（均值）</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="161"/>
        <source>Fail (mean)</source>
        <translation>失败（均值）</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="162"/>
        <source>Judged on the mean</source>
        <translation>依据均值判定</translation>
    </message>
    <message>
        <location filename="../ui/charts/slasearchchart.cpp" line="202"/>
        <source>Threshold %1 %2</source>
        <translation>阈值 %1 %2</translation>
    </message>
</context>
<context>
    <name>tl::SummaryTableModel</name>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="111"/>
        <source>–</source>
        <comment>no sample</comment>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="115"/>
        <source>%1 (stopped)</source>
        <translation>%1（已停止）</translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="138"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="141"/>
        <source>  e.g. %1</source>
        <translation>  例如 %1</translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="161"/>
        <source>Parallel</source>
        <translation>并发</translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="163"/>
        <source>Number</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="172"/>
        <source>Maximum requests in flight (closed loop)</source>
        <translation>最大并发请求数（闭环）</translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="174"/>
        <source>Requests in this run point</source>
        <translation>此测试点的请求数</translation>
    </message>
</context>
<context>
    <name>tl::SweepChartView</name>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="37"/>
        <source>Throughput and time to first token by load</source>
        <translation>各负载下的吞吐量与首字延迟</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="38"/>
        <source>Output tok/s (left axis)</source>
        <translation>输出 token/秒（左轴）</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="39"/>
        <source>TTFT P50 ms (right axis)</source>
        <translation>TTFT P50 毫秒（右轴）</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="40"/>
        <source>TTFT P99 ms (right axis)</source>
        <translation>TTFT P99 毫秒（右轴）</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="45"/>
        <source>parallel requests (log scale)</source>
        <translation>并发请求数（对数刻度）</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="47"/>
        <source>tokens/s</source>
        <translation>token/秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="49"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
</context>
<context>
    <name>tl::SweepCurveChart</name>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="57"/>
        <source>Throughput–latency curve of the sweep</source>
        <translation>扫描的吞吐量–延迟曲线</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="61"/>
        <source>running point (provisional)</source>
        <translation>进行中的测试点（暂定）</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="68"/>
        <source>saturation point</source>
        <translation>饱和点</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="100"/>
        <source>output tokens/s</source>
        <translation>输出 token/秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="101"/>
        <source>requests/s</source>
        <translation>请求/秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="103"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="104"/>
        <source>ITL</source>
        <translation>ITL</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="105"/>
        <source>latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="109"/>
        <source>&amp;x:</source>
        <translation>&amp;x：</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="111"/>
        <source>&amp;y (p50 and p99):</source>
        <translation>&amp;y（p50 与 p99）：</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="159"/>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="159"/>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="161"/>
        <source>%1 p50</source>
        <translation>%1 p50</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="162"/>
        <source>%1 p99</source>
        <translation>%1 p99</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="163"/>
        <source>%1 (ticks: tested load)</source>
        <translation>%1（刻度：测试负载）</translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepcurvechart.cpp" line="164"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tl::WorkbenchStatusBar</name>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="40"/>
        <source>No project: runs are shown but not saved</source>
        <translation>无项目：运行结果只显示不保存</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="42"/>
        <source>Project (read-only): %1</source>
        <translation>项目（只读）：%1</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="44"/>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="51"/>
        <source>Target: not tested</source>
        <translation>目标：未测试</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="54"/>
        <source>Target: testing…</source>
        <translation>目标：测试中…</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="57"/>
        <source>Target: reachable</source>
        <translation>目标：可访问</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="58"/>
        <source>Target: reachable (%1 ms)</source>
        <translation>目标：可访问（%1 毫秒）</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="61"/>
        <source>Target: unreachable</source>
        <translation>目标：无法访问</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="73"/>
        <source>No run in progress</source>
        <translation>没有进行中的运行</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="76"/>
        <source>1 run in progress: testing the connection…</source>
        <translation>1 个运行进行中：正在测试连接…</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="79"/>
        <source>1 run in progress</source>
        <translation>1 个运行进行中</translation>
    </message>
    <message>
        <location filename="../ui/workbenchstatusbar.cpp" line="82"/>
        <source>1 run in progress: pausing between points</source>
        <translation>1 个运行进行中：测试点之间暂停</translation>
    </message>
</context>
</TS>
