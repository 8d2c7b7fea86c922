/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A company's logo, loaded from the logo cache, or its placeholder: the
 * company's initials in white on a colour chosen from its name. The logo
 * is loaded while a company and a cache are set, so a list item factory
 * that sets the company on bind and clears it on unbind loads logos only
 * for the cards in view. */

#include "config.h"

#include "iwd-company-logo.h"
#include "iwd-logo-error.h"
#include "iwd-logo-placeholder.h"
#include "iwd-ui-enums.h"

#define DEFAULT_PIXEL_SIZE 64

/* Corner radius of the placeholder, as a fraction of its size. */
#define CORNER_FRACTION 0.2

/* Height of the initials, as a fraction of the placeholder's size. */
#define INITIALS_FRACTION 0.4

struct _IwdCompanyLogo
{
  GtkWidget            parent_instance;

  IwdCompany          *company;     /* owned, nullable */
  IwdLogoCache        *cache;       /* owned, nullable */
  GCancellable        *cancellable; /* owned, nullable: the load under way */
  GdkTexture          *texture;     /* owned, nullable: the decoded logo */
  char                *initials;    /* owned, nullable: of the placeholder */
  int                  pixel_size;
  IwdCompanyLogoState  state;
};

G_DEFINE_FINAL_TYPE (IwdCompanyLogo, iwd_company_logo, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPANY,
  PROP_CACHE,
  PROP_PIXEL_SIZE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_logo (IwdCompanyLogo *self);

static void
set_state (IwdCompanyLogo      *self,
           IwdCompanyLogoState  state)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_initials (IwdCompanyLogo *self)
{
  g_clear_pointer (&self->initials, g_free);

  if (self->company != NULL)
    self->initials = iwd_logo_placeholder_initials (iwd_company_get_name (self->company),
                                                    iwd_company_get_label (self->company));
}

static void
show_logo_bytes (IwdCompanyLogo *self,
                 GBytes         *bytes)
{
  g_autoptr(GError) error = NULL;

  self->texture = gdk_texture_new_from_bytes (bytes, &error);
  if (self->texture == NULL)
    {
      /* The cache checks that the image decodes, so this needs a format
       * that gdk-pixbuf reads and GTK does not. */
      g_message ("ui: cannot decode the logo of %s: %s",
                 iwd_company_get_name (self->company), error->message);
      set_state (self, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);
      return;
    }

  set_state (self, IWD_COMPANY_LOGO_STATE_IMAGE);
}

static void
snapshot_texture (IwdCompanyLogo *self,
                  GtkSnapshot    *snapshot,
                  float           size)
{
  float width = gdk_texture_get_width (self->texture);
  float height = gdk_texture_get_height (self->texture);
  float scale = size / MAX (width, height);
  graphene_rect_t bounds;

  /* The logo keeps its aspect ratio, centred in the square. */
  graphene_rect_init (&bounds,
                      (size - width * scale) / 2, (size - height * scale) / 2,
                      width * scale, height * scale);
  gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
}

static PangoLayout *
create_initials_layout (IwdCompanyLogo *self,
                        float           size)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->initials);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, size * INITIALS_FRACTION * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);

  return layout;
}

static void
snapshot_initials (IwdCompanyLogo *self,
                   GtkSnapshot    *snapshot,
                   float           size)
{
  static const GdkRGBA white = { 1.0, 1.0, 1.0, 1.0 };
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle extents;

  if (self->initials == NULL || *self->initials == '\0')
    return;

  layout = create_initials_layout (self, size);
  pango_layout_get_pixel_extents (layout, NULL, &extents);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((size - extents.width) / 2 - extents.x,
                                                (size - extents.height) / 2 - extents.y));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_placeholder (IwdCompanyLogo *self,
                      GtkSnapshot    *snapshot,
                      float           size)
{
  GdkRGBA colour = { 0.37, 0.36, 0.39, 1.0 };
  GskRoundedRect outline;
  double red, green, blue;

  if (self->company != NULL)
    {
      iwd_logo_placeholder_color (iwd_company_get_name (self->company), &red, &green, &blue);
      colour = (GdkRGBA) { red, green, blue, 1.0 };
    }

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, size, size),
                                   size * CORNER_FRACTION);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &colour, &outline.bounds);
  gtk_snapshot_pop (snapshot);

  snapshot_initials (self, snapshot, size);
}

static void
logo_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *self_ref = user_data;
  g_autoptr(IwdCompanyLogo) self = g_weak_ref_get (self_ref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (self_ref);
  g_free (self_ref);
  bytes = iwd_logo_cache_load_finish (IWD_LOGO_CACHE (source), result, &error);

  /* Either the widget is gone, or another company or cache replaced this
   * load and has already set the state. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (bytes != NULL)
    {
      show_logo_bytes (self, bytes);
      return;
    }

  /* The cache logs a missing or invalid logo once per session, and each
   * bind of a recycled card loads again, so only other errors are logged
   * here, at debug level. */
  if (error->domain != IWD_LOGO_ERROR)
    g_debug ("ui: no logo for %s: %s", iwd_company_get_name (self->company), error->message);

  set_state (self, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);
}

static void
logo_changed_cb (IwdLogoCache   *cache,
                 const char     *company,
                 IwdCompanyLogo *self)
{
  if (self->company != NULL && g_strcmp0 (iwd_company_get_name (self->company), company) == 0)
    load_logo (self);
}

static void
load_logo (IwdCompanyLogo *self)
{
  GWeakRef *self_ref;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);

  if (self->company == NULL || self->cache == NULL)
    {
      set_state (self, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);
      return;
    }

  /* A weak reference lets a recycled or closed widget go at once. */
  self_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (self_ref, self);
  self->cancellable = g_cancellable_new ();
  set_state (self, IWD_COMPANY_LOGO_STATE_LOADING);
  iwd_logo_cache_load_async (self->cache, iwd_company_get_name (self->company),
                             self->cancellable, logo_loaded_cb, self_ref);
}

static void
iwd_company_logo_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  IwdCompanyLogo *self = IWD_COMPANY_LOGO (widget);

  *minimum = self->pixel_size;
  *natural = self->pixel_size;
}

static void
iwd_company_logo_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  IwdCompanyLogo *self = IWD_COMPANY_LOGO (widget);
  float size = MIN (gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  /* Centre the square when the widget was given more room than requested. */
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT ((gtk_widget_get_width (widget) - size) / 2,
                                                (gtk_widget_get_height (widget) - size) / 2));

  if (self->texture != NULL)
    snapshot_texture (self, snapshot, size);
  else
    snapshot_placeholder (self, snapshot, size);

  gtk_snapshot_restore (snapshot);
}

static void
iwd_company_logo_dispose (GObject *object)
{
  IwdCompanyLogo *self = IWD_COMPANY_LOGO (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);
  g_clear_object (&self->company);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (iwd_company_logo_parent_class)->dispose (object);
}

static void
iwd_company_logo_finalize (GObject *object)
{
  IwdCompanyLogo *self = IWD_COMPANY_LOGO (object);

  g_clear_pointer (&self->initials, g_free);

  G_OBJECT_CLASS (iwd_company_logo_parent_class)->finalize (object);
}

static void
iwd_company_logo_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IwdCompanyLogo *self = IWD_COMPANY_LOGO (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_object (value, self->company);
      break;

    case PROP_CACHE:
      g_value_set_object (value, self->cache);
      break;

    case PROP_PIXEL_SIZE:
      g_value_set_int (value, self->pixel_size);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_logo_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IwdCompanyLogo *self = IWD_COMPANY_LOGO (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      iwd_company_logo_set_company (self, g_value_get_object (value));
      break;

    case PROP_CACHE:
      iwd_company_logo_set_cache (self, g_value_get_object (value));
      break;

    case PROP_PIXEL_SIZE:
      iwd_company_logo_set_pixel_size (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_logo_class_init (IwdCompanyLogoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_company_logo_dispose;
  object_class->finalize = iwd_company_logo_finalize;
  object_class->get_property = iwd_company_logo_get_property;
  object_class->set_property = iwd_company_logo_set_property;
  widget_class->measure = iwd_company_logo_measure;
  widget_class->snapshot = iwd_company_logo_snapshot;

  properties[PROP_COMPANY] =
    g_param_spec_object ("company", NULL, NULL,
                         IWD_TYPE_COMPANY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL,
                         IWD_TYPE_LOGO_CACHE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PIXEL_SIZE] =
    g_param_spec_int ("pixel-size", NULL, NULL,
                      1, G_MAXINT16, DEFAULT_PIXEL_SIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_COMPANY_LOGO_STATE,
                       IWD_COMPANY_LOGO_STATE_PLACEHOLDER,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "company-logo");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
iwd_company_logo_init (IwdCompanyLogo *self)
{
  self->pixel_size = DEFAULT_PIXEL_SIZE;
  self->state = IWD_COMPANY_LOGO_STATE_PLACEHOLDER;
}

/**
 * iwd_company_logo_new:
 *
 * Creates a widget that draws a company's logo from a logo cache, or
 * the company's initials on a colour while the logo loads or when the
 * company has none.
 *
 * Returns: (transfer full): a new #IwdCompanyLogo
 */
GtkWidget *
iwd_company_logo_new (void)
{
  return g_object_new (IWD_TYPE_COMPANY_LOGO, NULL);
}

/**
 * iwd_company_logo_get_company:
 * @self: a #IwdCompanyLogo
 *
 * Returns: (transfer none) (nullable): the company whose logo is drawn
 */
IwdCompany *
iwd_company_logo_get_company (IwdCompanyLogo *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_LOGO (self), NULL);

  return self->company;
}

/**
 * iwd_company_logo_set_company:
 * @self: a #IwdCompanyLogo
 * @company: (nullable): the company whose logo to draw
 *
 * Sets the company, cancels the load of the previous company's logo and
 * loads the new one if a cache is set.
 */
void
iwd_company_logo_set_company (IwdCompanyLogo *self,
                              IwdCompany     *company)
{
  g_return_if_fail (IWD_IS_COMPANY_LOGO (self));
  g_return_if_fail (company == NULL || IWD_IS_COMPANY (company));

  if (!g_set_object (&self->company, company))
    return;

  update_initials (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  company != NULL ? iwd_company_get_name (company) : "", -1);
  load_logo (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

/**
 * iwd_company_logo_get_cache:
 * @self: a #IwdCompanyLogo
 *
 * Returns: (transfer none) (nullable): the cache that logos load from
 */
IwdLogoCache *
iwd_company_logo_get_cache (IwdCompanyLogo *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_LOGO (self), NULL);

  return self->cache;
}

/**
 * iwd_company_logo_set_cache:
 * @self: a #IwdCompanyLogo
 * @cache: (nullable): the cache to load logos from
 *
 * Sets the cache and loads the company's logo from it. The widget loads
 * the logo again when @cache emits #IwdLogoCache::logo-changed for it.
 */
void
iwd_company_logo_set_cache (IwdCompanyLogo *self,
                            IwdLogoCache   *cache)
{
  g_return_if_fail (IWD_IS_COMPANY_LOGO (self));
  g_return_if_fail (cache == NULL || IWD_IS_LOGO_CACHE (cache));

  if (self->cache == cache)
    return;

  if (self->cache != NULL)
    g_signal_handlers_disconnect_by_func (self->cache, logo_changed_cb, self);

  g_set_object (&self->cache, cache);

  if (cache != NULL)
    g_signal_connect_object (cache, "logo-changed", G_CALLBACK (logo_changed_cb), self, 0);

  load_logo (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE]);
}

/**
 * iwd_company_logo_get_pixel_size:
 * @self: a #IwdCompanyLogo
 *
 * Returns: the width and height of the logo, in pixels
 */
int
iwd_company_logo_get_pixel_size (IwdCompanyLogo *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_LOGO (self), DEFAULT_PIXEL_SIZE);

  return self->pixel_size;
}

/**
 * iwd_company_logo_set_pixel_size:
 * @self: a #IwdCompanyLogo
 * @pixel_size: the width and height of the logo, in pixels
 *
 * Sets the size of the square that the logo is drawn in.
 */
void
iwd_company_logo_set_pixel_size (IwdCompanyLogo *self,
                                 int             pixel_size)
{
  g_return_if_fail (IWD_IS_COMPANY_LOGO (self));
  g_return_if_fail (pixel_size > 0);

  if (self->pixel_size == pixel_size)
    return;

  self->pixel_size = pixel_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIXEL_SIZE]);
}

/**
 * iwd_company_logo_get_state:
 * @self: a #IwdCompanyLogo
 *
 * Returns: whether the logo, the placeholder or the placeholder of a
 *   load under way is drawn
 */
IwdCompanyLogoState
iwd_company_logo_get_state (IwdCompanyLogo *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_LOGO (self), IWD_COMPANY_LOGO_STATE_PLACEHOLDER);

  return self->state;
}
