import { describe, expect, it } from 'vitest';
import { fitNaiveBayesEm } from '../../src/classify/embedded/naive-bayes-em.ts';
import { softmaxProbabilities } from '../../src/classify/embedded/linear-classifier.ts';

const f = (...x: number[]): Uint32Array => Uint32Array.from(x);

describe('fitNaiveBayesEm', () => {
  it('without EM rounds is multinomial naive Bayes with Lidstone smoothing, computed by hand', () => {
    // class 0: features {0,1} and {0,2}; class 1: {3}; vocabulary 4 features, smoothing 0.5
    const { weights } = fitNaiveBayesEm({
      labelled: [{ features: f(0, 1), target: 0, weight: 1 }, { features: f(0, 2), target: 0, weight: 1 }, { features: f(3), target: 1, weight: 1 }],
      unlabelled: [], classes: 2, dim: 8, start: 1, iterations: 0, smoothing: 0.5,
    });
    // P(c): (n_c + 1) / (3 + 2) → 3/5, 2/5; P(0 | c0) = (2 + 0.5) / (4 + 0.5 × 4) = 2.5 / 6; P(0 | c1) = 0.5 / (1 + 2) = 1/6
    const p0 = (3 / 5) * (2.5 / 6);
    const p1 = (2 / 5) * (0.5 / 3);
    const p = softmaxProbabilities(weights, f(0));
    expect(p[0]).toBeCloseTo(p0 / (p0 + p1), 6);
    expect(p[1]).toBeCloseTo(p1 / (p0 + p1), 6);
  });

  it('moves an unlabelled example to the class whose examples share its features; unrelated ones stay where they started', () => {
    const labelled = Array.from({ length: 20 }, (_, i) => ({ features: f(1, 10 + (i % 3)), target: 0, weight: 1 }));
    const background = Array.from({ length: 40 }, (_, i) => ({ features: f(50 + (i % 7), 60 + (i % 5)), weight: 1 }));
    const fit = fitNaiveBayesEm({
      labelled,
      // two unlabelled examples say what class 0's examples say besides their seed word (10, 11): the model learns it
      unlabelled: [...background, { features: f(10, 11), weight: 1 }, { features: f(11, 12, 55), weight: 1 }],
      classes: 2, dim: 128, start: 1,
    });
    expect(Array.from(fit.unlabelledClass.slice(40))).toEqual([0, 0]);
    expect(fit.unlabelledClass.slice(0, 40).every((k) => k === 1)).toBe(true);
  });

  it('never predicts a class without a labelled example, even for words no class has seen', () => {
    // class 1 has no labelled example: smoothing alone would give it 1/V per word, more than the busy class 0 gets for an unseen word
    const labelled = Array.from({ length: 50 }, (_, i) => ({ features: f(i % 20, 20 + (i % 7)), target: 0, weight: 1 }));
    const fit = fitNaiveBayesEm({ labelled, unlabelled: [{ features: f(40, 41, 42, 43, 44, 45), weight: 1 }], classes: 3, dim: 64, start: 2 });
    for (const x of [f(40, 41, 42, 43, 44, 45), f(60, 61, 62, 63), f(1, 21)]) expect(softmaxProbabilities(fit.weights, x)[1]).toBe(0);
    expect(fit.unlabelledClass[0]).not.toBe(1);
    // finite, so the model survives JSON (the classification queue sends it to workers that way)
    expect(JSON.parse(JSON.stringify(Array.from(fit.weights.bias)))).toEqual(Array.from(fit.weights.bias));
  });

  it('is deterministic: same examples, same weights bit for bit', () => {
    const opts = {
      labelled: [{ features: f(1, 2), target: 0, weight: 1 }, { features: f(3), target: 1, weight: 2 }],
      unlabelled: [{ features: f(2, 4), weight: 1 }, { features: f(3, 4), weight: 1.5 }],
      classes: 3, dim: 16, start: 2,
    };
    const a = fitNaiveBayesEm(opts).weights;
    const b = fitNaiveBayesEm(opts).weights;
    expect(Buffer.from(b.weights.buffer).equals(Buffer.from(a.weights.buffer))).toBe(true);
    expect(Array.from(b.bias)).toEqual(Array.from(a.bias));
  });
});
