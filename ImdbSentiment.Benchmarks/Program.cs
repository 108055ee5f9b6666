using ImdbSentiment.Benchmarks.Cli;
using ImdbSentiment.Benchmarks.Reporting;
using ImdbSentiment.Benchmarks.Suites;
using ImdbSentiment.Benchmarks.Suites.Epoch;
using ImdbSentiment.Benchmarks.Suites.Featurize;
using ImdbSentiment.Benchmarks.Suites.Http;
using ImdbSentiment.Benchmarks.Suites.Memory;
using ImdbSentiment.Benchmarks.Suites.Processes;
using ImdbSentiment.Benchmarks.Suites.Quality;
using ImdbSentiment.Benchmarks.Suites.Recipes;
using ImdbSentiment.Benchmarks.Suites.Scoring;
using ImdbSentiment.Benchmarks.Suites.Vectors;

const int UsageError = 2;
ISuite[] suites = [new FeaturizeSuite(), new EpochSuite(), new BiLstmEpochSuite(), new MemorySuite(), new ScoringSuite(), new ProcessSuite(), new HttpSuite(), new RecipesSuite(), new QualitySuite(), new VectorsSuite()];

var (arguments, error) = BenchmarkArguments.Parse(args);
var known = arguments is not null && (arguments.Suite is "all" or MemoryChild.SuiteName || suites.Any(suite => suite.Name == arguments.Suite));
if (arguments is null || !known)
    return Fail((error ?? $"Unknown suite '{arguments!.Suite}'.") + Environment.NewLine + BenchmarkArguments.Usage(suites.Select(suite => suite.Name)));

var root = RepositoryRoot.Find();
if (root is null && arguments.DataPath is null)
    return Fail("Cannot find the repository root (the folder with ImdbSentiment.sln) above the program or the working directory: pass --data PATH.");

var dataPath = Path.GetFullPath(arguments.DataPath ?? Path.Combine(root!, "..", "shared", "data", "aclImdb-train.tar.gz"));
if (!File.Exists(dataPath) && !Directory.Exists(dataPath))
    return Fail($"No review data at {dataPath}. The benchmarks need the IMDB training reviews: pass --data PATH to an aclImdb folder or .tar.gz, or a CSV/TSV with label and text columns.");

var modelPath = arguments.ModelPath is null ? null : Path.GetFullPath(arguments.ModelPath);
if (modelPath is not null && !File.Exists(modelPath))
    return Fail($"No model zip at {modelPath} (--model). Leave --model out to use models/imdb-sentiment.zip, or a quick model trained in the run when that is absent.");

var wordVectorsPath = arguments.WordVectorsPath is null ? null : Path.GetFullPath(arguments.WordVectorsPath);
if (wordVectorsPath is not null && !File.Exists(wordVectorsPath))
    return Fail($"No word-vector file at {wordVectorsPath} (--word-vectors).");

var context = new BenchmarkContext(root ?? Environment.CurrentDirectory, dataPath, modelPath, arguments.Runs, Console.Out, arguments.SuiteArgument, wordVectorsPath);
if (arguments.Suite == MemoryChild.SuiteName)
    return MemoryChild.Run(context, arguments.SuiteArgument);

MachineInfo.WriteTo(context.Output);
context.Output.WriteLine($"Data: {dataPath}");
context.Output.WriteLine();
foreach (var suite in suites.Where(suite => arguments.Suite == "all" || suite.Name == arguments.Suite))
    suite.Run(context);
MachineInfo.WriteLoadAtEnd(context.Output);
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return UsageError;
}
