#include "config/parameterdef.h"

namespace tl::registrydef {

void addOutputParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    using T = ParameterType;
    using W = WidgetKind;
    // --- Output ---
    r << Def("name", {"--name"}, G::Output)
             .field(&RunConfig::name)
             .metavar("NAME")
             .help(QT_TRANSLATE_NOOP("Throughline", "Run name (default: the model's base name); one folder name, no path."))
             .definition(QT_TRANSLATE_NOOP("Throughline", "Names the run's folder under --outputs-dir, so it cannot hold / or \\, be absolute, "
                         "or be . or ..: such names are refused rather than let write outside --outputs-dir."))
             .example({QStringLiteral("baseline")})
             .bad({QStringLiteral("../x")})
             .check([](const RunConfig& c) {
                 const QString n = c.name;
                 if (n.contains(u'/') || n.contains(u'\\') || n == u"." || n == u".." || n.contains(QChar(0)))
                     return Tr::tr("'%1' is not a folder name; --name names one folder under --outputs-dir, "
                                   "without / \\ . or ..")
                         .arg(n);
                 return QString();
             })
             .saver([](const RunConfig& c, bool) { return toJ(c.effectiveName()); });
    r << Def("outputs_dir", {"--outputs-dir"}, G::Output)
             .field(&RunConfig::outputsDir)
             .metavar("DIR")
             .widget(W::FolderPicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Root of EvalScope's output tree: DIR/<YYYYmmdd_HHMMSS>/<name>/parallel_<P>_number_<N>/ (default "
                 "./outputs)."))
             .example({QStringLiteral("/tmp/out")});
    r << Def("no_timestamp", {"--no-timestamp"}, G::Output)
             .field(&RunConfig::noTimestamp)
             .help(QT_TRANSLATE_NOOP("Throughline", "Leave the <YYYYmmdd_HHMMSS> level out of the tree."));
    r << Def(nullptr, {"--no-outputs"}, G::Output)
             .field(&RunConfig::writeOutputs)
             .flagSets(false)
             .help(QT_TRANSLATE_NOOP("Throughline", "Write no output tree (the project file still keeps all)."))
             .definition(QT_TRANSLATE_NOOP(
                 "Throughline", "Not saved in benchmark_args.json: where results go is each invocation's choice."));
    r << Def("project", {"--project"}, G::Output)
             .field(&RunConfig::project)
             .nullWhenEmpty()
             .metavar("FILE.tlproj")
             .widget(W::FilePicker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Project file that stores every request of the run (created if missing); the workbench opens it."))
             .example({QStringLiteral("/tmp/p.tlproj")});
    r << Def("store_bodies", {"--store-bodies"}, G::Output)
             .field(&RunConfig::storeBodies)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Keep each request's body as sent, in the project file and in benchmark_data.db's request column "
                 "(off by default: it grows the file by about a compressed body per request)."))
             .definition(QT_TRANSLATE_NOOP("Throughline",
                 "Bodies are stored zlib-compressed; one over 8 MiB is not stored. Turn it on when `runs export "
                 "--format evalscope` must fill EvalScope's request column, or to see what each request sent."));
    r << Def("debug", {"--debug"}, G::Output)
             .field(&RunConfig::debug)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Log each request body (first and last 100 characters) and each response event (first and last "
                 "200) to stderr."));
    r << Def("log_every_n_query", {"--log-every-n-query"}, G::Output)
             .field(&RunConfig::logEveryNQuery)
             .metavar("N")
             .min(1)
             .help(
                 QT_TRANSLATE_NOOP("Throughline", "Print the running metrics every N finished requests (default 100)."))
             .example({QStringLiteral("10")});
    r << Def("enable_progress_tracker", {"--enable-progress-tracker"}, G::Output)
             .field(&RunConfig::enableProgressTracker)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Keep <outputs>/<run>/progress.json up to date (status, processed and total counts, percent)."));
    r << Def("visualizer", {"--visualizer"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("NAME")
             .help(QT_TRANSLATE_NOOP("Throughline", "Experiment tracker (wandb, swanlab, clearml)."));
    r << Def("wandb_api_key", {"--wandb-api-key"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("KEY")
             .help(QT_TRANSLATE_NOOP("Throughline", "Weights & Biases API key."));
    r << Def("swanlab_api_key", {"--swanlab-api-key"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("KEY")
             .help(QT_TRANSLATE_NOOP("Throughline", "SwanLab API key."));
    r << Def("swanlab_host", {"--swanlab-host"}, G::Output)
             .unsupported(T::String, kTrackerReason)
             .metavar("URL")
             .help(QT_TRANSLATE_NOOP("Throughline", "SwanLab server."));
}

void addAdvancedParameters(QList<Parameter>& r)
{
    using G = ParameterGroup;
    // --- Advanced ---
    r << Def("workers", {"--workers"}, G::Advanced)
             .field(&RunConfig::workers)
             .metavar("N")
             .min(0)
             .help(QT_TRANSLATE_NOOP("Throughline", "Client worker threads (default 0 = one per core)."))
             .example({QStringLiteral("2")});
    r << Def("max_response_bytes", {"--max-response-bytes"}, G::Advanced)
             .field(&RunConfig::maxResponseBytes)
             .metavar("BYTES")
             .unit("bytes")
             .min(1024)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Largest response body kept per request (default 16 MiB); past it the request is ended and "
                 "recorded as response_too_large, so a server that streams without end costs a failure, not memory."))
             .example({QStringLiteral("67108864")});
    r << Def("max_event_bytes", {"--max-event-bytes"}, G::Advanced)
             .field(&RunConfig::maxEventBytes)
             .metavar("BYTES")
             .unit("bytes")
             .min(64)
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Largest server-sent event or stream line (default 1 MiB); past it the request is "
                 "response_too_large."))
             .example({QStringLiteral("4194304")});
    r << Def("db_commit_interval", {"--db-commit-interval"}, G::Advanced)
             .field(&RunConfig::dbCommitInterval)
             .metavar("N")
             .min(1)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "the project file commits one transaction per batch"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (the project file commits one transaction per "
                 "batch)."))
             .example({QStringLiteral("5")});
    r << Def("queue_size_multiplier", {"--queue-size-multiplier"}, G::Advanced)
             .field(&RunConfig::queueSizeMultiplier)
             .metavar("N")
             .min(1)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "results leave the workers in batches"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (results leave the workers in batches)."))
             .example({QStringLiteral("3")});
    r << Def("in_flight_task_multiplier", {"--in-flight-task-multiplier"}, G::Advanced)
             .field(&RunConfig::inFlightTaskMultiplier)
             .metavar("N")
             .min(1)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "requests are created when a slot frees"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (requests are created when a slot frees)."))
             .example({QStringLiteral("4")});
    r << Def("num_workers", {"--num-workers"}, G::Advanced)
             .field(&RunConfig::numWorkers)
             .metavar("N")
             .min(0)
             .noEffect(QT_TRANSLATE_NOOP("Throughline", "prompts are generated lazily"))
             .help(QT_TRANSLATE_NOOP("Throughline",
                 "Accepted for EvalScope compatibility; no effect (prompts are generated lazily). See --workers."))
             .example({QStringLiteral("3")});
}

} // namespace tl::registrydef
