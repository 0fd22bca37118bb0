package org.simsiamexplorer.model;

/**
 * Shape of a SimSiam network.
 *
 * @param widthMultiplier encoder width relative to ResNet-18 (1.0 = 64..512 channels); smaller for CPU presets
 * @param latentDim       projector output d (paper: 2048)
 * @param projectorHidden projector hidden width (paper CIFAR: 2048)
 */
public record SimSiamArchitecture(double widthMultiplier, int latentDim, int projectorHidden) {
    public SimSiamArchitecture {
        if (!(widthMultiplier > 0) || latentDim < 1 || projectorHidden < 1) {
            throw new IllegalArgumentException("invalid SimSiam architecture: width " + widthMultiplier
                    + ", latent " + latentDim + ", projector hidden " + projectorHidden);
        }
    }

    /** The paper's CIFAR network: ResNet-18, 2048-d projector output. */
    public static SimSiamArchitecture paper() {
        return new SimSiamArchitecture(1.0, 2048, SimSiamHeads.PROJECTOR_HIDDEN);
    }

    public static SimSiamArchitecture of(double widthMultiplier, int latentDim) {
        return new SimSiamArchitecture(widthMultiplier, latentDim, SimSiamHeads.PROJECTOR_HIDDEN);
    }

    public int featureSize() {
        return CifarResNet.featureSize(widthMultiplier);
    }
}
