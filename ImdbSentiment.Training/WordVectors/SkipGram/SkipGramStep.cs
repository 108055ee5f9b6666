using System.Numerics.Tensors;

namespace ImdbSentiment.Training.WordVectors.SkipGram;

/// <summary>
/// One stochastic gradient step of skip-gram with negative sampling for one (word, context) pair, as word2vec takes it:
/// the loss is -log s(u_c . v) - sum over negatives n of log s(-u_n . v), with v the word's input vector, u the output
/// vectors and s the logistic function. Each output vector moves along its gradient with the input vector as it was;
/// the input vector moves once, by the sum of its gradients against the output vectors as they were before each one's step.
/// </summary>
internal static class SkipGramStep
{
    /// <param name="input">The word's input vector, updated in place.</param>
    /// <param name="outputs">All output vectors [vocabulary, dimensions]; the rows of <paramref name="targets"/> are updated.</param>
    /// <param name="targets">The context word first (label 1), then the negative samples (label 0).</param>
    /// <param name="inputStep">Scratch of the input's length.</param>
    public static void Apply(Span<float> input, Span<float> outputs, ReadOnlySpan<int> targets, float learningRate, Span<float> inputStep)
    {
        var width = input.Length;
        inputStep.Clear();
        for (var t = 0; t < targets.Length; t++)
        {
            var output = outputs.Slice(targets[t] * width, width);
            var score = TensorPrimitives.Dot<float>(input, output);
            var label = t == 0 ? 1f : 0f;
            var scale = (label - 1f / (1f + MathF.Exp(-score))) * learningRate;
            TensorPrimitives.MultiplyAdd(output, scale, inputStep, inputStep);
            TensorPrimitives.MultiplyAdd(input, scale, output, output);
        }

        TensorPrimitives.Add(input, inputStep, input);
    }
}
