using ImdbSentiment.Training;
using ImdbSentiment.Training.Fitting;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ImdbSentiment.Tests.Training;

/// <summary>
/// The managed Adam step against TorchSharp's own optim.Adam on a copy of the same parameters, over enough steps for
/// the bias corrections to change, with a parameter larger than one of the step's blocks (so two threads share it) and
/// sizes that are not multiples of the vector width.
/// </summary>
[TestClass]
public sealed class ManagedAdamTests
{
    private const double LearningRate = 1e-2;

    [ClassInitialize]
    public static void LoadTorch(TestContext _) => TorchRuntime.EnsureLoaded();

    // It seeds torch's process-wide generator, which a test class training in parallel builds its network from.
    [TestMethod]
    [DoNotParallelize]
    [DataRow(0.0, DisplayName = "no weight decay")]
    [DataRow(1e-2, DisplayName = "weight decay")]
    public void Step_MatchesTorchSharpsAdam(double weightDecay)
    {
        manual_seed(7);
        using var scope = NewDisposeScope();
        Parameter[] ours = [new Parameter(randn(70_001)), new Parameter(randn(5, 13)), new Parameter(randn(3))];
        var theirs = ours.Select(parameter => new Parameter(parameter.detach().clone())).ToArray();
        using var optimizer = new ManagedAdam(ours, LearningRate, weightDecay: weightDecay);
        using var torchAdam = optim.Adam(theirs, LearningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: weightDecay);
        for (var step = 1; step <= 6; step++)
        {
            var coefficients = ours.Select(parameter => randn_like(parameter) * (step % 2 == 0 ? 1e-3 : 1)).ToArray();
            optimizer.ZeroGrad();
            torchAdam.zero_grad();
            Loss(ours, coefficients).backward();
            Loss(theirs, coefficients).backward();
            optimizer.Step();
            torchAdam.step();

            for (var i = 0; i < ours.Length; i++)
            {
                var difference = (ours[i] - theirs[i]).abs().max().item<float>();
                Assert.IsLessThan(1e-5f, difference, $"parameter {i} after step {step}: {difference}");
            }
        }
    }

    [TestMethod]
    public void ZeroGrad_ClearsEveryGradient()
    {
        using var scope = NewDisposeScope();
        var kernel = new Parameter(ones(9));
        using var optimizer = new ManagedAdam([kernel], LearningRate);
        (kernel * 3).sum().backward();
        optimizer.ZeroGrad();
        Assert.AreEqual(0, kernel.grad!.abs().sum().item<float>());
    }

    /// <summary>A loss whose gradient with respect to each parameter (squared, so the gradient depends on the values) is known.</summary>
    private static Tensor Loss(Parameter[] parameters, Tensor[] coefficients) =>
        parameters.Zip(coefficients, (parameter, coefficient) => (parameter.square() * coefficient).sum()).Aggregate((sum, term) => sum + term);
}
