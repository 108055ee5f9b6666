using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Training;

/// <summary>
/// The managed RMSprop step against Keras's rule written as torch operations (epsilon inside the root; an embedding
/// row without gradient keeps its mean square and its values), over several steps, with sizes that are not multiples
/// of the vector width.
/// </summary>
[TestClass]
public sealed class KerasRmsPropTests
{
    private const double LearningRate = 1e-2, Rho = 0.9, Epsilon = 1e-7;

    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    [DataRow(0.0, DisplayName = "no weight decay")]
    [DataRow(0.05, DisplayName = "weight decay")]
    public void Step_MatchesKerasRuleInTorchOperations_LeavingUnusedEmbeddingRowsAlone(double weightDecay)
    {
        manual_seed(5);
        using var scope = NewDisposeScope();
        var table = new Parameter(randn(10, 13));
        var kernel = new Parameter(randn(11));
        var expectedTable = table.detach().clone();
        var expectedKernel = kernel.detach().clone();
        var tableMeanSquare = zeros_like(table);
        var kernelMeanSquare = zeros_like(kernel);
        var untouched = table.detach()[4].clone();

        using var optimizer = new KerasRmsProp([table, kernel], table, LearningRate, Rho, Epsilon, weightDecay);
        for (var step = 0; step < 3; step++)
        {
            // Only rows 1, 3 and 7 - step of the table are in the batch: its other rows get no gradient.
            var usedRows = new float[10];
            usedRows[1] = usedRows[3] = usedRows[7 - step] = 1;
            var tableCoefficients = randn(10, 13) * tensor(usedRows).unsqueeze(1);
            var kernelCoefficients = randn(11);
            optimizer.ZeroGrad();
            ((table * tableCoefficients).sum() + (kernel * kernelCoefficients).sum()).backward();
            optimizer.Step();

            KerasStep(expectedTable, tableMeanSquare, tableCoefficients, sparseRows: true, weightDecay);
            KerasStep(expectedKernel, kernelMeanSquare, kernelCoefficients, sparseRows: false, weightDecay);
            AssertClose(expectedTable, table, $"table after step {step + 1}");
            AssertClose(expectedKernel, kernel, $"kernel after step {step + 1}");
        }

        if (weightDecay == 0)
            Assert.IsTrue(table.detach()[4].eq(untouched).all().item<bool>(), "a row no batch used keeps its values");
    }

    [TestMethod]
    public void ZeroGrad_ClearsEveryGradient()
    {
        using var scope = NewDisposeScope();
        var kernel = new Parameter(ones(9));
        using var optimizer = new KerasRmsProp([kernel], null, LearningRate);
        (kernel * 3).sum().backward();
        optimizer.ZeroGrad();
        Assert.AreEqual(0, kernel.grad!.abs().sum().item<float>());
    }

    /// <summary>Keras's RMSprop as torch operations (what KerasRmsProp ran before it ran in managed code).</summary>
    private static void KerasStep(Tensor values, Tensor meanSquare, Tensor rawGradient, bool sparseRows, double weightDecay)
    {
        var gradient = weightDecay > 0 ? rawGradient + values * weightDecay : rawGradient;
        var updated = meanSquare * Rho + gradient.square() * (1 - Rho);
        if (sparseRows)
            updated = where(gradient.ne(0).any(1, keepdim: true), updated, meanSquare);
        meanSquare.copy_(updated);
        values.addcdiv_(gradient, (meanSquare + Epsilon).sqrt_(), value: -LearningRate);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        var worst = (actual.detach() - expected).abs().max().item<float>();
        Assert.IsLessThan(1e-6, worst, $"{what}: largest difference {worst:G3}");
    }
}
