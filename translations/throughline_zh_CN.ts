<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Throughline</name>
    <message>
        <location filename="../core/config/cliparser.cpp" line="31"/>
        <source>&apos;%1&apos; is not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="40"/>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="61"/>
        <location filename="../core/config/cliparser.cpp" line="124"/>
        <location filename="../core/config/cliparser.cpp" line="148"/>
        <location filename="../core/config/cliparser.cpp" line="180"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="78"/>
        <source>a whole number (give a list as separate words: 1 4 16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="104"/>
        <source>a header in KEY=VALUE form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="236"/>
        <source>unknown option; see &apos;throughline-cli run --help&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="237"/>
        <source>unexpected argument; options start with --</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="244"/>
        <source>takes no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="257"/>
        <source>needs a value (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="276"/>
        <source>Usage: throughline-cli run --url URL --model NAME [options]

Runs a closed-loop benchmark sweep against an OpenAI-compatible endpoint and prints, per run point, EvalScope&apos;s summary and percentile tables. Flags follow EvalScope perf.

Options:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="286"/>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/cliparser.cpp" line="287"/>
        <source>
Exit codes: 0 success; 2 bad arguments; 3 the connection test failed; 4 every request failed; 1 another error (e.g. the project file cannot be written).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="89"/>
        <source>a model name is required; pass the name the server serves, e.g. --model Qwen3-8B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="91"/>
        <source>unknown API &apos;%1&apos;; this version supports: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="95"/>
        <source>an endpoint URL is required, e.g. --url http://127.0.0.1:8000/v1/chat/completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="97"/>
        <source>&apos;%1&apos; is not an http(s) URL; use e.g. http://127.0.0.1:8000/v1/chat/completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="102"/>
        <source>needs at least one value, e.g. --parallel 1 4 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="105"/>
        <location filename="../core/config/runconfig.cpp" line="113"/>
        <source>every value must be a whole number &gt;= 1 (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="110"/>
        <source>needs at least one value, e.g. --number 100 400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="118"/>
        <source>gives %1 value(s) but --parallel gives %2; give one --number per --parallel value, e.g. --parallel 1 4 --number 20 80</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="125"/>
        <source>must be -1 (no pacing) or a positive number of requests per second (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="130"/>
        <location filename="../core/config/runconfig.cpp" line="132"/>
        <source>must be &gt;= 0 (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="134"/>
        <source>is %1, above --max-tokens %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="136"/>
        <source>must be &gt;= 0 seconds (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="138"/>
        <location filename="../core/config/runconfig.cpp" line="140"/>
        <location filename="../core/config/runconfig.cpp" line="142"/>
        <source>must be a positive number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="144"/>
        <source>must be &gt;= 0 (0 = one worker thread per core)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="149"/>
        <source>must be a JSON object, e.g. --extra-args &apos;{&quot;ignore_eos&quot;: true}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="154"/>
        <source>unknown dataset &apos;%1&apos;; this version supports: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="157"/>
        <source>dataset &apos;%1&apos; needs a local file: pass --dataset-path FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="159"/>
        <source>&apos;%1&apos; does not exist or is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="162"/>
        <source>&apos;%1&apos; does not exist; &apos;@FILE&apos; reads the prompt from FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="221"/>
        <source>the run configuration is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/config/runconfig.cpp" line="250"/>
        <source>has the wrong type in the saved configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="20"/>
        <source>cannot read &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="113"/>
        <source>%1, line %2: expected a JSON object with a &quot;question&quot; string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/dataset/promptsource.cpp" line="123"/>
        <source>&apos;%1&apos; holds no prompts (every line is blank)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="60"/>
        <source>the test request to %1 got no complete answer within %2 s; check that the server is up and not overloaded, raise --total-timeout, or skip the test with --no-test-connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="72"/>
        <source>%1 refused the test request with HTTP %2 (%3); pass a valid --api-key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="80"/>
        <source>%1 answered HTTP 404 (%2); check the endpoint path (e.g. /v1/chat/completions) and that --model names a model the server serves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="87"/>
        <source>the test request to %1 failed with HTTP %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="93"/>
        <source>nothing is listening at %1 (connection refused); start the server or fix the host/port in --url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="99"/>
        <source>host &apos;%1&apos; not found; check the host name in --url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/connectiontest.cpp" line="102"/>
        <source>cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="184"/>
        <source>event is not JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="244"/>
        <source>stopped by the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="245"/>
        <source>%1 after %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/engine/worker.cpp" line="262"/>
        <source>the server answered 200 with an event stream that held no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/outputwriter.cpp" line="19"/>
        <source>cannot write &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/outputwriter.cpp" line="44"/>
        <source>cannot create the output folder &apos;%1&apos;; check --outputs-dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="80"/>
        <source>project &apos;%1&apos; is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="82"/>
        <source>project &apos;%1&apos; does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="84"/>
        <source>project &apos;%1&apos; cannot be read (permission denied)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="87"/>
        <source>project &apos;%1&apos; is read-only; open it for browsing only or choose another file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="89"/>
        <source>cannot create project &apos;%1&apos;: the folder is missing or not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="91"/>
        <source>&apos;%1&apos; is not a Throughline project (it is not an SQLite database); it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="96"/>
        <source>the Qt SQLite driver is missing; install the package libqt6sql6-sqlite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="101"/>
        <source>cannot open project &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="106"/>
        <location filename="../core/storage/projectschema.cpp" line="111"/>
        <source>&apos;%1&apos; is damaged or not an SQLite database; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="115"/>
        <source>&apos;%1&apos; is an SQLite database but not a Throughline project; it was left untouched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="117"/>
        <source>project &apos;%1&apos; was written by a newer Throughline (schema %2; this version reads up to %3); update Throughline to open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="127"/>
        <source>project &apos;%1&apos; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="131"/>
        <source>cannot prepare project &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="138"/>
        <location filename="../core/storage/projectschema.cpp" line="152"/>
        <source>cannot write project &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectschema.cpp" line="142"/>
        <source>cannot create the schema of &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="43"/>
        <source>project &apos;%1&apos;: cannot %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="97"/>
        <source>project &apos;%1&apos;: cannot start a transaction: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/storage/projectwriter.cpp" line="150"/>
        <source>project &apos;%1&apos;: cannot commit: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="23"/>
        <source>Benchmark workbench for OpenAI-compatible LLM servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="28"/>
        <source>Project file (*.tlproj) to open or create; runs are stored in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="47"/>
        <source>Start the built-in emulated model server and fill in a short sweep aimed at it: press Run to see a benchmark without a real server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="82"/>
        <source>Throughline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="82"/>
        <source>The built-in emulated server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::LiveChartView</name>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="24"/>
        <source>Output throughput</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="24"/>
        <source>tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="25"/>
        <source>Time to first token (mean over the last second)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="25"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/livechartview.cpp" line="48"/>
        <source>time since the point started (s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::LiveRunPage</name>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="16"/>
        <source>No run yet: fill in the Setup page and press Run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="19"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="34"/>
        <source>First press: send no new requests and let those in flight finish. Second press: abort them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="58"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="91"/>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="93"/>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="95"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="97"/>
        <source>Pausing before the next point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="99"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="101"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="103"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="116"/>
        <source>point %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="117"/>
        <source>parallel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="118"/>
        <source>%1/%2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/liverunpage.cpp" line="119"/>
        <source>%n in flight</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/liverunpage.cpp" line="120"/>
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pages/liverunpage.cpp" line="121"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="41"/>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>Throughline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="68"/>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="69"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="75"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="99"/>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="103"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="107"/>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="110"/>
        <source>Start the benchmark described on the Setup page (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="112"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="115"/>
        <source>First press: no new requests, in-flight ones finish. Second press: abort them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="118"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="129"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153"/>
        <source>The project could not be opened:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="157"/>
        <source>Opened for browsing only; runs will not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="159"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>%1 — Throughline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="171"/>
        <source>&lt;b&gt;Demo.&lt;/b&gt; The form is aimed at the built-in emulated model server at %1 (%2 ms to the first token, %3 ms between tokens). Press &lt;b&gt;Run&lt;/b&gt; to benchmark it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="176"/>
        <source>Throughline — demo against the emulated server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Throughline projects (*.tlproj)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192"/>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="193"/>
        <source>Throughline projects (*.tlproj);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218"/>
        <source>The run did not start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="220"/>
        <source>The run did not start: fix the fields marked on the Setup page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="230"/>
        <source>Stopping: no new requests are sent; those in flight finish. Press Stop again to abort them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="237"/>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="238"/>
        <location filename="../ui/mainwindow.cpp" line="251"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="262"/>
        <source>The run could not be saved to the project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="263"/>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="264"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="265"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="272"/>
        <source>the run failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="273"/>
        <source>The run failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="294"/>
        <source>Run “%1” · %2 · %3 at %4 · started %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="302"/>
        <source>Run “%1” · %2 · %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="319"/>
        <source>No project: runs are shown but not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="321"/>
        <source>Project (read-only): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="323"/>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="327"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="330"/>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="333"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="336"/>
        <source>Pausing between points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="339"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="342"/>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="345"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="358"/>
        <source>Quit Throughline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="359"/>
        <source>A run is in progress. Abort it and quit? What was measured so far stays in the project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::ResultsPage</name>
    <message>
        <location filename="../ui/pages/resultspage.cpp" line="17"/>
        <source>No results yet: run a benchmark or pick a run in the Runs list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::RunController</name>
    <message>
        <location filename="../core/engine/runcontroller.cpp" line="75"/>
        <source>a run is already in progress; stop it first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::RunListModel</name>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="44"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="46"/>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="48"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="50"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="52"/>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="126"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="128"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="130"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="132"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="134"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runlistmodel.cpp" line="136"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::RunSetupPage</name>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="74"/>
        <source>http://127.0.0.1:8000/v1/chat/completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="75"/>
        <source>the model name the server serves, e.g. Qwen3-8B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="76"/>
        <source>optional; sent as &apos;Authorization: Bearer KEY&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="78"/>
        <source>e.g. 1 4 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="79"/>
        <source>e.g. 100 400 1600</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="83"/>
        <source>Stream the responses (needed for TTFT and ITL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="86"/>
        <source>JSON object merged into every request, e.g. {&quot;ignore_eos&quot;: true}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="93"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="95"/>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="96"/>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="97"/>
        <source>API &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="99"/>
        <source>Load sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="101"/>
        <source>&amp;Parallel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="102"/>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="103"/>
        <source>One run point per pair of values: parallel 1 4 with number 10 40 runs 10 requests one at a time, then 40 requests with up to 4 in flight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="110"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="112"/>
        <source>Max &amp;tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="114"/>
        <source>&amp;Extra args (JSON):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="127"/>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsetuppage.cpp" line="180"/>
        <source>&apos;%1&apos; is not a whole number; give the values separated by spaces, e.g. 1 4 16</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::RunsBrowserPage</name>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="54"/>
        <source>No project open: use File ▸ Open Project… to browse stored runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/pages/runsbrowserpage.cpp" line="56"/>
        <source>%1 has no runs yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pages/runsbrowserpage.cpp" line="58"/>
        <source>%n run(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tl::SimServer</name>
    <message>
        <location filename="../core/sim/simserver.cpp" line="50"/>
        <source>Cannot listen on %1: not an IP address or a known host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/sim/simserver.cpp" line="58"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::SummaryTableModel</name>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="101"/>
        <source>–</source>
        <comment>no sample</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="105"/>
        <source>%1 (stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="128"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="147"/>
        <source>Parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="149"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="151"/>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="153"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="155"/>
        <source>Duration
(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="157"/>
        <source>Req/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="159"/>
        <source>Output
tok/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="161"/>
        <source>TTFT avg
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="163"/>
        <source>TTFT P50
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="165"/>
        <source>TTFT P99
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="167"/>
        <source>ITL avg
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="169"/>
        <source>ITL P50
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="171"/>
        <source>ITL P99
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="173"/>
        <source>TPOT avg
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="175"/>
        <source>TPOT P50
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="177"/>
        <source>TPOT P99
(ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="179"/>
        <source>Latency avg
(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="181"/>
        <source>Latency P50
(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="183"/>
        <source>Latency P99
(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="193"/>
        <source>Maximum requests in flight (closed loop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="195"/>
        <source>Requests in this run point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="197"/>
        <source>From the first request sent to the last one finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="199"/>
        <source>Successful requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="201"/>
        <source>Output tokens per second over the whole point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="205"/>
        <source>Time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="209"/>
        <source>Inter-token latency: the gap between consecutive chunks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="213"/>
        <source>Time per output token after the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/summarytablemodel.cpp" line="217"/>
        <source>End-to-end request latency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tl::SweepChartView</name>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="35"/>
        <source>Throughput and time to first token by load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="38"/>
        <source>Output tok/s (left axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="39"/>
        <source>TTFT P50 ms (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="40"/>
        <source>TTFT P99 ms (right axis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="45"/>
        <source>parallel requests (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="47"/>
        <source>tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/sweepchartview.cpp" line="49"/>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
