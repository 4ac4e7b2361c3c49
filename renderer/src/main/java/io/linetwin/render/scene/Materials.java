package io.linetwin.render.scene;

import com.jme3.asset.AssetManager;
import com.jme3.material.Material;
import com.jme3.material.RenderState;
import com.jme3.math.ColorRGBA;

/** Makes lit or unlit single-colour materials, as the palette asks, and recolours them. */
public final class Materials {

    private final AssetManager assets;
    private final boolean lit;

    public Materials(AssetManager assets, Palette palette) {
        this.assets = assets;
        this.lit = palette.lit();
    }

    public Material plain(ColorRGBA colour) {
        Material material;
        if (lit) {
            material = new Material(assets, "Common/MatDefs/Light/Lighting.j3md");
            material.setBoolean("UseMaterialColors", true);
            // Flat boxes lit by one sun look the same lit per vertex, and software GL is bound by pixel work.
            material.setBoolean("VertexLighting", true);
        } else {
            material = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
        }
        recolour(material, colour);
        return material;
    }

    /** Coloured per vertex by the mesh's colour buffer, light already in it ({@link Sunlight}, {@link MeshKit}). */
    public Material vertexColoured() {
        Material material = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
        material.setBoolean("VertexColor", true);
        return material;
    }

    /** A texture's colours on the floor, lit by the sun from above where the palette is lit. */
    public Material textured(com.jme3.texture.Texture texture) {
        Material material = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
        material.setTexture("ColorMap", texture);
        if (lit) {
            material.setColor("Color", Sunlight.onFloor(ColorRGBA.White));
        }
        return material;
    }

    /** A material that draws over everything at a fixed colour (HUD quads). */
    public Material flat(ColorRGBA colour) {
        Material material = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
        material.setColor("Color", colour);
        material.getAdditionalRenderState().setFaceCullMode(RenderState.FaceCullMode.Off);
        return material;
    }

    public void recolour(Material material, ColorRGBA colour) {
        if (lit) {
            material.setColor("Diffuse", colour);
            material.setColor("Ambient", colour.mult(0.55f));
            material.setColor("Specular", ColorRGBA.Black);
        } else {
            material.setColor("Color", colour);
        }
    }
}
