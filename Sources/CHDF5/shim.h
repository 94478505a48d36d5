#ifndef NNKIT_CHDF5_SHIM_H
#define NNKIT_CHDF5_SHIM_H
#include <hdf5.h>

// HDF5's constants are macros that read library globals (H5T_NATIVE_FLOAT is
// `(H5OPEN H5T_NATIVE_FLOAT_g)`) or casts (`(hid_t)0`), which Swift cannot import: these
// functions give them as values.
static inline hid_t nnkit_h5p_default(void) { return H5P_DEFAULT; }
static inline hid_t nnkit_h5e_default(void) { return H5E_DEFAULT; }
static inline hid_t nnkit_h5s_all(void) { return H5S_ALL; }
static inline hid_t nnkit_h5p_file_access(void) { return H5P_FILE_ACCESS; }
static inline hid_t nnkit_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
static inline hid_t nnkit_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t nnkit_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t nnkit_h5t_ieee_f32be(void) { return H5T_IEEE_F32BE; }
static inline hid_t nnkit_h5t_c_s1(void) { return H5T_C_S1; }
static inline size_t nnkit_h5t_variable(void) { return H5T_VARIABLE; }
static inline unsigned nnkit_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned nnkit_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
#endif
